namespace LeadSync.Core.Jobs;

/// <summary>What one timer-job run did; logged and returned by the manual-run endpoint.</summary>
public sealed record JobReport(string Job, int Due, int Acted, int Skipped, int Failed)
{
    /// <summary>
    /// Set when the CRM could not be read during the run: why (never a secret). The run still did what it could on what
    /// LeadSync knew (see README "Degrade, don't halt"); a manual run answers <c>503 /problems/crm-unavailable</c>.
    /// </summary>
    public string? CrmUnavailable { get; init; }

    /// <summary>When to try again: the CRM's <c>Retry-After</c> when it sent one; set with <see cref="CrmUnavailable"/>.</summary>
    public TimeSpan? CrmRetryAfter { get; init; }

    /// <summary>Leads whose CRM work this run put off because the CRM could not be read (they are looked at again later).</summary>
    public int Deferred { get; init; }

    public override string ToString() => $"{Job}: due {Due}, acted {Acted}, skipped {Skipped}, failed {Failed}";
}
