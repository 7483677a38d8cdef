namespace LeadSync.Core.Recycle;

/// <summary>Stable reason codes a recycle (or the close that ends recycling) carries; used in timelines and reports.</summary>
public static class RecycleReasons
{
    /// <summary>Judged not sales-ready at intake (the qualification's reason is on the timeline): nurture at once.</summary>
    public const string NotSalesReady = "not-sales-ready";

    /// <summary>Never touched, and the last escalation level passed <see cref="RecycleOptions.AfterLastLevel"/> ago.</summary>
    public const string SlaMissed = "sla-missed";

    /// <summary>Sales made <see cref="RecycleOptions.MaxAttempts"/> attempts within the window without a connect.</summary>
    public const string AttemptsExhausted = "attempts-exhausted";

    /// <summary>No status change for <see cref="RecycleOptions.NoProgressWindow"/>.</summary>
    public const string NoProgress = "no-progress";

    /// <summary>Sales put the CRM record in a status of the nurture set.</summary>
    public const string CrmNurtureStatus = "crm-nurture-status";

    /// <summary>Not a recycle: the lead reached <see cref="RecycleOptions.MaxRecycles"/> and was closed as disqualified.</summary>
    public const string Exhausted = "recycle-exhausted";

    public static IReadOnlyList<string> All { get; } = [SlaMissed, AttemptsExhausted, NoProgress, CrmNurtureStatus];

    /// <summary>The reasons a lead is handed to nurture for, each of which may have its own target (<see cref="RecycleOptions.Targets"/>).</summary>
    public static IReadOnlyList<string> Targetable { get; } = [NotSalesReady, SlaMissed, AttemptsExhausted, NoProgress, CrmNurtureStatus];
}
