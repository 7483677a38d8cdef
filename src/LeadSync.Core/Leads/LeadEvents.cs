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

    /// <summary>A recycled lead was not handed to the nurture tool (no marketing consent, or its data was erased).</summary>
    public const string NurtureSkipped = "marketing.nurture-skipped";

    /// <summary>The recycle job left the lead alone because the CRM shows it converted or disqualified.</summary>
    public const string RecycleSkipped = "lead.recycle-skipped";
    public const string Escalated = "sla.escalated";

    /// <summary>Routing chose the owner (or left it to the CRM), with the reason.</summary>
    public const string Routed = "routing.routed";

    /// <summary>A rung was passed at once because its recipient is off-hours or out of office.</summary>
    public const string RungSkipped = "sla.rung-skipped";
    public const string Acknowledged = "sla.acknowledged";
    public const string Reassigned = "sla.reassigned";
    public const string ReassignFailed = "sla.reassign-failed";

    /// <summary>A reassign level left the owner alone: sales changed it in the CRM, or the CRM could not be read.</summary>
    public const string ReassignSkipped = "sla.reassign-skipped";
    public const string Breached = "sla.breached";

    /// <summary>The recipient of an escalation snoozed it (Slack button or signed link): the next level waits.</summary>
    public const string Snoozed = "sla.snoozed";
    public const string FollowUpMissed = "sla.follow-up-missed";
    /// <summary>A sales attempt (CRM activity or native CRM event) counted for the follow-up cadence.</summary>
    public const string CadenceAttempt = "cadence.attempt";

    public const string CadenceCheckpointMet = "cadence.checkpoint-met";
    public const string CadenceCheckpointMissed = "cadence.checkpoint-missed";
    public const string MarketingTouch = "marketing.touch";
    public const string Erased = "privacy.erased";
    public const string ReEngaged = "lead.re-engaged";
    public const string EnrichmentBlocked = "lead.enrichment-blocked";
    public const string WriteContended = "lead.write-contended";
    public const string OwnerChanged = "crm.owner-changed";
    public const string CrmRecordMerged = "crm.record-merged";
}
