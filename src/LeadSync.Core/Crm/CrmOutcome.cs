namespace LeadSync.Core.Crm;

/// <summary>The result of one CRM operation for one lead.</summary>
public sealed record CrmOutcome(CrmOutcomeKind Kind, string? Reason = null, TimeSpan? RetryAfter = null)
{
    public static readonly CrmOutcome Success = new(CrmOutcomeKind.Succeeded);

    public bool Succeeded => Kind == CrmOutcomeKind.Succeeded;

    /// <summary>
    /// A transient failure the CRM reported about this record (a row lock, a record missing from a batch answer): the
    /// CRM answered and refused this lead, so it counts toward <see cref="CrmOptions.MaxSyncAttempts"/>.
    /// </summary>
    public bool AboutRecord { get; init; }

    /// <summary>The CRM asked the whole connection to slow down (a 429): it pauses for <see cref="RetryAfter"/>.</summary>
    public bool Throttled { get; init; }

    /// <summary>The failure class that decides what the sync does (see <see cref="CrmFailureClass"/>).</summary>
    public CrmFailureClass Class => Kind switch
    {
        CrmOutcomeKind.Succeeded => CrmFailureClass.None,
        CrmOutcomeKind.Permanent => CrmFailureClass.Permanent,
        CrmOutcomeKind.QuotaExhausted => CrmFailureClass.Quota,
        _ when Throttled => CrmFailureClass.Throttled,
        _ when AboutRecord => CrmFailureClass.Refused,
        _ => CrmFailureClass.Transient,
    };
}
