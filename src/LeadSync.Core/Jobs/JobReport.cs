namespace LeadSync.Core.Jobs;

/// <summary>What one timer-job run did; logged and returned by the manual-run endpoint.</summary>
public sealed record JobReport(string Job, int Due, int Acted, int Skipped, int Failed)
{
    public override string ToString() => $"{Job}: due {Due}, acted {Acted}, skipped {Skipped}, failed {Failed}";
}
