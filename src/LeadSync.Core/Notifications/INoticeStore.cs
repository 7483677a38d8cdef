namespace LeadSync.Core.Notifications;

/// <summary>Reads and settles escalation notices (they are created with the escalation, see LeadChange).</summary>
public interface INoticeStore
{
    Task<EscalationNotice?> GetAsync(string leadId, int level, CancellationToken cancellationToken);

    Task<IReadOnlyList<EscalationNotice>> ListUnsentAsync(string leadId, CancellationToken cancellationToken);

    /// <summary>ETag-conditioned update; false when someone else settled it first.</summary>
    Task<bool> UpdateAsync(EscalationNotice notice, CancellationToken cancellationToken);
}
