namespace LeadSync.Core.Telemetry;

/// <summary>
/// The CRM sync's health instruments on the <see cref="LeadSyncTelemetry.Meter"/>: what the Azure Monitor alerts in
/// <c>infra/alerts.bicep</c> watch and the console shows. Tags carry the CRM name, a kind or a job, never PII.
/// </summary>
public static class SyncTelemetry
{
    public const string SyncLagName = "leadsync.crm.sync_lag";
    public const string BacklogName = "leadsync.crm.backlog";
    public const string PausedName = "leadsync.crm.paused";
    public const string DeadLettersName = "leadsync.crm.dead_letters";
    public const string CallsName = "leadsync.crm.calls";
    public const string EscalationsDeferredName = "leadsync.sla.escalations_deferred";
    public const string JobRunsName = "leadsync.jobs.runs";

    private static readonly ConcurrentDictionary<string, (bool Paused, long? Backlog)> Connections = new(StringComparer.Ordinal);

    /// <summary>Seconds from sales-ready to synced, per CRM (the sync lag alert takes its p95).</summary>
    public static readonly Histogram<double> SyncLag = LeadSyncTelemetry.Meter.CreateHistogram<double>(SyncLagName, unit: "s", description: "Time from sales-ready to synced in the CRM.");

    /// <summary>Messages waiting in the lead-sync queue (visible or deferred), per CRM, as last sampled.</summary>
    public static readonly ObservableGauge<long> Backlog = LeadSyncTelemetry.Meter.CreateObservableGauge(BacklogName, ObserveBacklog, description: "Sync messages waiting in the lead-sync queue, as last sampled.");

    /// <summary>1 while the CRM connection is paused, 0 otherwise, per CRM.</summary>
    public static readonly ObservableGauge<int> Paused = LeadSyncTelemetry.Meter.CreateObservableGauge(PausedName, ObservePaused, description: "1 while the CRM connection is paused.");

    public static readonly Counter<long> DeadLetters = LeadSyncTelemetry.Meter.CreateCounter<long>(DeadLettersName, description: "Leads dead-lettered, by CRM and failure class.");

    /// <summary>CRM upsert calls by outcome (succeeded, permanent, refused, throttled, quota, transient) and calls not made (deferred).</summary>
    public static readonly Counter<long> Calls = LeadSyncTelemetry.Meter.CreateCounter<long>(CallsName, description: "CRM calls by outcome; 'deferred' counts syncs held back by a pause.");

    /// <summary>Escalations the SLA sweep put off because the CRM could not be read.</summary>
    public static readonly Counter<long> EscalationsDeferred = LeadSyncTelemetry.Meter.CreateCounter<long>(EscalationsDeferredName, description: "Escalations deferred because the CRM could not be checked.");

    /// <summary>Timer and manual job runs that completed, by job (the SLA sweep alert watches it).</summary>
    public static readonly Counter<long> JobRuns = LeadSyncTelemetry.Meter.CreateCounter<long>(JobRunsName, description: "Job runs completed, by job.");

    /// <summary>Every instrument name above (the infra test checks the alerts use only these).</summary>
    public static IReadOnlyList<string> InstrumentNames { get; } =
        [SyncLagName, BacklogName, PausedName, DeadLettersName, CallsName, EscalationsDeferredName, JobRunsName];

    public static void PublishPaused(string crm, bool paused) =>
        Connections.AddOrUpdate(crm, (paused, null), (_, old) => (paused, old.Backlog));

    public static void PublishBacklog(string crm, long backlog) =>
        Connections.AddOrUpdate(crm, (false, backlog), (_, old) => (old.Paused, backlog));

    private static IEnumerable<Measurement<long>> ObserveBacklog() =>
        Connections.Where(c => c.Value.Backlog is not null)
            .Select(c => new Measurement<long>(c.Value.Backlog!.Value, new KeyValuePair<string, object?>("crm", c.Key)));

    private static IEnumerable<Measurement<int>> ObservePaused() =>
        Connections.Select(c => new Measurement<int>(c.Value.Paused ? 1 : 0, new KeyValuePair<string, object?>("crm", c.Key)));
}
