namespace LeadSync.Core.Crm;

/// <summary>CRM sync settings (<c>LeadSync:Crm</c>).</summary>
public sealed class CrmOptions
{
    public const string Section = "LeadSync:Crm";

    /// <summary><c>sandbox</c> (default, built in) | <c>salesforce</c> | <c>hubspot</c> | <c>dynamics</c>.</summary>
    [Required]
    public string Provider { get; set; } = "sandbox";

    /// <summary>
    /// After this many attempts that the CRM answered and refused (row locks, no result for the lead) a lead is
    /// dead-lettered with the CRM's reason. Outages, rate limits and quota stops never count (see <see cref="CrmFailureClass"/>).
    /// </summary>
    [Range(1, 100)]
    public int MaxSyncAttempts { get; set; } = 8;

    /// <summary>Standard Webhooks secret (<c>whsec_…</c>) that signs <c>POST /api/crm-events/{provider}</c> callbacks.</summary>
    public string? EventsSecret { get; set; }

    /// <summary>
    /// How long the sync queue waits for more leads before it sends a batch that is not full, counted from when a
    /// call could go (see <see cref="CrmUpsertBatcher"/>). Bounds the latency a lone lead pays for batching.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05", ErrorMessage = "LeadSync:Crm:BatchLinger must be between 00:00:00 and 00:00:05.")]
    public TimeSpan BatchLinger { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// While the sync backlog holds at least <see cref="BacklogThreshold"/> leads, a batch that is not full waits up
    /// to this long for more leads instead of <see cref="BatchLinger"/>: when storage feeds leads slower than the CRM
    /// takes them, a backlog then drains in full batches (fewer calls against the CRM's daily quota) at no cost in
    /// drain rate. A lone lead never pays it (there is no backlog then).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "LeadSync:Crm:BacklogLinger must be between 00:00:00 and 00:01:00.")]
    public TimeSpan BacklogLinger { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Leads waiting in <c>lead-sync</c> from which <see cref="BacklogLinger"/> applies: the messages sampled every
    /// minute × the leads per message handled lately (<see cref="SyncBacklogSignal"/>).
    /// </summary>
    [Range(1, 10_000_000, ErrorMessage = "LeadSync:Crm:BacklogThreshold must be between 1 and 10000000.")]
    public int BacklogThreshold { get; set; } = 1000;

    /// <summary>Upsert calls one instance has in flight at once; leads submitted meanwhile fill the next batch.</summary>
    [Range(1, 64, ErrorMessage = "LeadSync:Crm:MaxBatchesInFlight must be between 1 and 64.")]
    public int MaxBatchesInFlight { get; set; } = 4;

    /// <summary>
    /// Hosts (or <c>*.suffix</c> patterns) an admin may set as <c>crm.baseUrl</c> besides the provider's own (see
    /// <see cref="CrmBaseUrlRule"/>): sandboxes and proxies. Still https only. Empty by default.
    /// </summary>
    public IList<string> AllowedBaseUrlHosts { get; } = [];

    /// <summary>Calls in a row that get no answer (5xx, timeouts, connection or token errors) before the connection pauses.</summary>
    [Range(1, 1000, ErrorMessage = "LeadSync:Crm:PauseAfterFailures must be between 1 and 1000.")]
    public int PauseAfterFailures { get; set; } = 5;

    /// <summary>
    /// Longest pause a run of failures sets: the first is 30 s and each failed probe doubles it up to this. A vendor's
    /// Retry-After or quota reset is always honoured in full, whatever this says.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:30", "1.00:00:00", ErrorMessage = "LeadSync:Crm:MaxFailurePause must be between 00:00:30 and 1.00:00:00.")]
    public TimeSpan MaxFailurePause { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>NCRONTAB schedule of the re-drive job (lost sync messages and undelivered notices).</summary>
    [Required]
    public string RedriveSchedule { get; set; } = "0 */5 * * * *";
}
