namespace LeadSync.Core.Jobs;

/// <summary>Job names and the settings that hold the timer jobs' NCRONTAB schedules, shared by both hosts.</summary>
public static class JobNames
{
    public const string SlaSweep = "sla-sweep";
    public const string Recycle = "recycle";
    public const string Redrive = "redrive";

    /// <summary>Manual only (no schedule): rebuilds missing or stale report rows from the lead table.</summary>
    public const string ReportBackfill = "report-backfill";

    public const string SlaSweepScheduleSetting = "LeadSync:Sla:SweepSchedule";
    public const string RecycleScheduleSetting = "LeadSync:Recycle:Schedule";
    public const string RedriveScheduleSetting = "LeadSync:Crm:RedriveSchedule";
}
