namespace LeadSync.Core.Crm.Changes;

/// <summary>
/// What LeadSync has heard from a CRM natively: which events were handled (redeliveries are recognised) and, per CRM
/// record and aspect, the newest vendor timestamp applied (an older change arriving late is stale).
/// </summary>
public interface ICrmChangeLog
{
    Task<bool> WasHandledAsync(string provider, string eventKey, CancellationToken cancellationToken);

    Task MarkHandledAsync(string provider, string eventKey, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the record's clock for <paramref name="aspect"/> to <paramref name="occurredAt"/> unless it already shows a
    /// later time; false when it does (the change is stale). Equal times are not stale: a retry re-applies.
    /// </summary>
    Task<bool> TryAdvanceAsync(string provider, string recordId, string aspect, DateTimeOffset occurredAt, CancellationToken cancellationToken);
}
