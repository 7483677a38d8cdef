namespace LeadSync.Core.Crm;

/// <summary>How a CRM call ended, as the resilience mapper classifies it.</summary>
public enum CrmOutcomeKind
{
    Succeeded,

    /// <summary>Worth retrying (timeouts, 5xx, short-window rate limits).</summary>
    Transient,

    /// <summary>Retrying cannot help (validation, multiple matches, missing external id field).</summary>
    Permanent,

    /// <summary>The CRM quota is spent; pause until it resets, do not retry blindly.</summary>
    QuotaExhausted,
}
