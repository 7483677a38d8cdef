namespace LeadSync.Core.Telemetry;

/// <summary>
/// Counters for work done or put off while the CRM could not be read (README "Degrade, don't halt"), on the shared
/// <see cref="LeadSyncTelemetry.Meter"/>. Tagged by job only: no lead data.
/// </summary>
public static class CrmDegradeTelemetry
{
    /// <summary>Escalations raised on what LeadSync knew because the CRM's touch read failed (their notices say so).</summary>
    public static readonly Counter<long> EscalationsUnchecked = LeadSyncTelemetry.Meter.CreateCounter<long>(
        "leadsync.sla.escalations_unchecked", description: "SLA escalations raised without a CRM check because the CRM read failed.");

    /// <summary>Escalation-ladder checks (follow-up cadence) put off to the next run because the CRM read failed.</summary>
    public static readonly Counter<long> EscalationsDeferred = LeadSyncTelemetry.Meter.CreateCounter<long>(
        "leadsync.sla.escalations_deferred", description: "Escalation checks deferred because the CRM could not be read.");

    /// <summary>Recycle checks put off because the CRM state could not be read (recycling writes to the CRM).</summary>
    public static readonly Counter<long> RecyclesDeferred = LeadSyncTelemetry.Meter.CreateCounter<long>(
        "leadsync.recycle.deferred", description: "Recycle checks deferred because the CRM state could not be read.");
}
