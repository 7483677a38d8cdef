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

    /// <summary>NCRONTAB schedule of the re-drive job (lost sync messages and undelivered notices).</summary>
    [Required]
    public string RedriveSchedule { get; set; } = "0 */5 * * * *";
}
