using System.ComponentModel.DataAnnotations;

namespace LeadSync.Core.Crm;

/// <summary>CRM sync settings (<c>LeadSync:Crm</c>).</summary>
public sealed class CrmOptions
{
    public const string Section = "LeadSync:Crm";

    /// <summary><c>sandbox</c> (default, built in) | <c>salesforce</c> | <c>hubspot</c> | <c>dynamics</c>.</summary>
    [Required]
    public string Provider { get; set; } = "sandbox";

    /// <summary>After this many failed attempts a lead is dead-lettered with the CRM's reason.</summary>
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

    /// <summary>Upsert calls one instance has in flight at once; leads submitted meanwhile fill the next batch.</summary>
    [Range(1, 64, ErrorMessage = "LeadSync:Crm:MaxBatchesInFlight must be between 1 and 64.")]
    public int MaxBatchesInFlight { get; set; } = 4;

    /// <summary>
    /// Hosts (or <c>*.suffix</c> patterns) an admin may set as <c>crm.baseUrl</c> besides the provider's own (see
    /// <see cref="CrmBaseUrlRule"/>): sandboxes and proxies. Still https only. Empty by default.
    /// </summary>
    public IList<string> AllowedBaseUrlHosts { get; } = [];

    /// <summary>NCRONTAB schedule of the re-drive job (lost sync messages and undelivered notices).</summary>
    [Required]
    public string RedriveSchedule { get; set; } = "0 */5 * * * *";
}
