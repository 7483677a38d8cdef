namespace LeadSync.Core.Jobs;

/// <summary>Job names and the settings that hold the timer jobs' NCRONTAB schedules, shared by both hosts.</summary>
public static class JobNames
{
    public const string SlaSweep = "sla-sweep";
    public const string Recycle = "recycle";
    public const string Redrive = "redrive";

    /// <summary>Deletes raw payloads, quarantine, outbox and stale inbox rows past their ages (see RetentionJob).</summary>
    public const string Retention = "retention";

    /// <summary>Manual only (no schedule): rebuilds missing or stale report rows from the lead table.</summary>
    public const string ReportBackfill = "report-backfill";

    /// <summary>Reads the CRM's users into the people directory (see PeopleSyncJob).</summary>
    public const string PeopleSync = "people-sync";

    public const string SlaSweepScheduleSetting = "LeadSync:Sla:SweepSchedule";
    public const string RecycleScheduleSetting = "LeadSync:Recycle:Schedule";
    public const string RedriveScheduleSetting = "LeadSync:Crm:RedriveSchedule";
    public const string RetentionScheduleSetting = "LeadSync:Retention:Schedule";
    public const string PeopleSyncScheduleSetting = "LeadSync:People:SyncSchedule";
}
