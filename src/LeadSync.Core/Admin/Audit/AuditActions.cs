namespace LeadSync.Core.Admin.Audit;

/// <summary>Stable names of the admin actions the audit log records (the <c>action</c> filter of <c>GET /api/admin/audit</c>).</summary>
public static class AuditActions
{
    public const string QuarantineReplay = "quarantine.replay";
    public const string DeadLetterReplay = "dead-letter.replay";
    public const string DeadLetterBulkReplay = "dead-letter.bulk-replay";
    public const string JobRun = "job.run";
    public const string Erasure = "erasure";
    public const string ConfigChange = "config.change";
    public const string ConfigRollback = "config.rollback";

    public static IReadOnlyList<string> All { get; } =
        [QuarantineReplay, DeadLetterReplay, DeadLetterBulkReplay, JobRun, Erasure, ConfigChange, ConfigRollback];
}
