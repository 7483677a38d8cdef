namespace LeadSync.Web.Endpoints;

/// <summary>
/// Route templates shared by both hosts. The Functions app serves them under its <c>api</c> route prefix
/// (host.json); the portable host maps them under <see cref="Prefix"/>.
/// </summary>
public static class Routes
{
    public const string Prefix = "api";
    public const string Webhook = "webhooks/{source}";
    public const string Lead = "leads/{id}";
    public const string CrmEvents = "crm-events/{provider}";
    public const string CrmChangesHubSpot = "crm-changes/hubspot";
    public const string CrmChangesSalesforce = "crm-changes/salesforce/{secret}";
    public const string CrmChangesDynamics = "crm-changes/dynamics";
    public const string Health = "health";
    public const string EscalationAck = "escalations/{id}/ack";
    public const string EscalationAction = "escalations/{id}/actions/{action}";
    public const string SlackInteractivity = "slack/interactivity";
    public const string AdminJobRun = "admin/jobs/{job}/run";
    public const string AdminConfig = "admin/config/{resource}";
    public const string AdminConfigHistory = "admin/config/{resource}/history";
    public const string AdminConfigDiff = "admin/config/{resource}/diff";
    public const string AdminConfigRollback = "admin/config/{resource}/rollback";
    public const string AdminSlaDryRun = "admin/sla-policies/dry-run";
    public const string AdminQualificationDryRun = "admin/qualification/dry-run";
    public const string AdminRoutingDryRun = "admin/routing-policies/dry-run";
    public const string AdminLeads = "admin/leads";
    public const string AdminDashboard = "admin/dashboard";
    public const string Console = "console/{*path}";
    public const string OpenApi = "openapi.json";
    public const string AdminQuarantine = "admin/quarantine";
    public const string AdminQuarantineReplay = "admin/quarantine/{id}/replay";
    public const string AdminDeadLetters = "admin/dead-letters";
    public const string AdminDeadLetterReplay = "admin/dead-letters/{id}/replay";
    public const string AdminDeadLetterBulkReplay = "admin/dead-letters/replay";
    public const string AdminFunnelReport = "admin/reports/funnel";
    public const string AdminErasure = "admin/erasure";
    public const string AdminAudit = "admin/audit";
    public const string AdminRecycleDryRun = "admin/recycle/dry-run";
}
