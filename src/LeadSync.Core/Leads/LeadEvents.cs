namespace LeadSync.Core.Leads;

/// <summary>Stable timeline event codes.</summary>
public static class LeadEvents
{
    public const string Received = "lead.received";
    public const string RoutedToNurture = "lead.nurture";
    public const string SalesReady = "lead.sales-ready";
    public const string Synced = "crm.synced";
    public const string SyncFailed = "crm.sync-failed";
    public const string DeadLettered = "crm.dead-lettered";
    public const string SyncReplayed = "crm.replayed";
    public const string Contacted = "sales.contacted";
    public const string Converted = "sales.converted";
    public const string Recycled = "lead.recycled";
    public const string Disqualified = "sales.disqualified";
    public const string NurturePushed = "marketing.nurture-pushed";
    public const string Escalated = "sla.escalated";
    public const string MarketingTouch = "marketing.touch";
    public const string Erased = "privacy.erased";
}
