namespace LeadSync.Core.Telemetry;

/// <summary>
/// LeadSync's OpenTelemetry sources: one ActivitySource for traces (webhook → queue → CRM stays one trace because
/// queue messages carry the W3C traceparent) and one Meter for the product's counters. No PII in tags.
/// </summary>
public static class LeadSyncTelemetry
{
    public const string Name = "LeadSync";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> LeadsAccepted = Meter.CreateCounter<long>("leadsync.leads.accepted", description: "Leads accepted at intake (duplicates excluded).");

    public static readonly Counter<long> DuplicateDeliveries = Meter.CreateCounter<long>("leadsync.deliveries.duplicate", description: "Redelivered webhooks answered as duplicates.");

    public static readonly Counter<long> Rejections = Meter.CreateCounter<long>("leadsync.deliveries.rejected", description: "Webhook deliveries refused, by reason.");

    public static readonly Counter<long> LeadsSynced = Meter.CreateCounter<long>("leadsync.crm.synced", description: "Leads upserted into the CRM.");

    public static readonly Counter<long> Escalations = Meter.CreateCounter<long>("leadsync.sla.escalations", description: "SLA escalations raised, by level.");

    /// <summary>
    /// Entities LeadSync's own tables returned (query rows and point reads), tagged by table: shows that the timer
    /// jobs read what is due and never scan all leads (bench/ B4 measures a sweep with it).
    /// </summary>
    public static readonly Counter<long> EntitiesRead = Meter.CreateCounter<long>("leadsync.storage.entities_read", description: "Entities returned by table reads, by table and kind (query or point).");

    /// <summary>Day marks written before report-index rows (the report rollups' invalidation; see TableFunnelDays), one per upsert asked for.</summary>
    public static readonly Counter<long> ReportDayMarks = Meter.CreateCounter<long>("leadsync.reports.day_marks", description: "Report day marks written (one table upsert each, coalesced per month partition).");

    public static readonly Counter<long> Recycles = Meter.CreateCounter<long>("leadsync.leads.recycled", description: "Leads recycled to nurture, by reason.");
}
