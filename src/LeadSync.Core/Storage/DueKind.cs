namespace LeadSync.Core.Storage;

/// <summary>What a due-index entry wakes up.</summary>
public enum DueKind
{
    /// <summary>Safety net: re-drive a lead whose CRM sync message was lost.</summary>
    Sync,

    /// <summary>A first-touch deadline or the next escalation level.</summary>
    Sla,

    /// <summary>A recycle check (no progress past the window).</summary>
    Recycle,

    /// <summary>Safety net: re-send an escalation notice whose queue message was lost.</summary>
    Notify,

    /// <summary>Safety net: re-drive the enrichment of a Received lead whose queue message was lost.</summary>
    Enrich,
}
