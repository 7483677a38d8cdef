namespace LeadSync.Core.Jobs;

/// <summary>Timer job names and the settings that hold their NCRONTAB schedules, shared by both hosts.</summary>
public static class JobNames
{
    public const string SlaSweep = "sla-sweep";
    public const string Recycle = "recycle";
    public const string Redrive = "redrive";

    public const string SlaSweepScheduleSetting = "LeadSync:Sla:SweepSchedule";
    public const string RecycleScheduleSetting = "LeadSync:Recycle:Schedule";
    public const string RedriveScheduleSetting = "LeadSync:Crm:RedriveSchedule";
}
