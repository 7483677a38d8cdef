namespace LeadSync.Infrastructure.Storage;

/// <summary>Table names (before the configured prefix).</summary>
public static class TableNames
{
    /// <summary>One partition per lead: the lead row, its timeline rows and its escalation notices.</summary>
    public const string Leads = "Leads";

    /// <summary>Time-bucketed wake-up hints for the timer jobs.</summary>
    public const string DueIndex = "DueIndex";
    public const string SandboxCrm = "SandboxCrm";
    public const string SandboxNurture = "SandboxNurture";

    /// <summary>Escalations when no notification channel is configured.</summary>
    public const string Outbox = "Outbox";

    /// <summary>Admin configuration: partition = resource, rows <c>current</c> and one <c>v{version}</c> per change.</summary>
    public const string AdminConfig = "AdminConfig";
}
