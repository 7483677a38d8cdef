namespace LeadSync.Infrastructure.Storage;

/// <summary>Table names (before the configured prefix).</summary>
public static class TableNames
{
    /// <summary>One partition per lead: the lead row, its timeline rows and its escalation notices.</summary>
    public const string Leads = "Leads";

    /// <summary>Time-bucketed wake-up hints for the timer jobs.</summary>
    public const string DueIndex = "DueIndex";
    /// <summary>E-mail hash → the leads (and deliveries) of that address, for re-entry.</summary>
    public const string LeadsByEmail = "LeadsByEmail";

    /// <summary>Report index: one row per lead cycle under the day it started (see FunnelReport).</summary>
    public const string LeadsByDay = "LeadsByDay";

    /// <summary>Report rollups: per UTC day a mark row and the day's rollup of LeadsByDay (see TableFunnelDays).</summary>
    public const string ReportDays = "ReportDays";

    public const string SandboxCrm = "SandboxCrm";
    public const string SandboxNurture = "SandboxNurture";

    /// <summary>Escalations when no notification channel is configured.</summary>
    public const string Outbox = "Outbox";

    /// <summary>Admin configuration: partition = resource, rows <c>current</c> and one <c>v{version}</c> per change.</summary>
    public const string AdminConfig = "AdminConfig";

    /// <summary>Erasure records (partition = hashed e-mail or lead id): row <c>record</c> plus one <c>a|…</c> audit row per request.</summary>
    public const string Erasures = "Erasures";

    /// <summary>Cursors of the retention job (how far through the report days raw payloads have been cleared).</summary>
    public const string Retention = "Retention";

    /// <summary>The CRM users the people-directory sync read: partition = CRM provider, one row per user plus <c>_sync</c>.</summary>
    public const string People = "People";

    /// <summary>Routing counters: partition <c>ledger</c> with team credits, rep loads and one row per routed lead.</summary>
    public const string Routing = "Routing";
}
