namespace LeadSync.Core.Crm;

/// <summary>
/// The "never backwards" rules over <see cref="CrmFunnelStage"/> (pure): LeadSync never writes a CRM status earlier in
/// the funnel than the one it read, and never writes to a record sales has closed.
/// </summary>
public static class CrmFunnel
{
    /// <summary>Position in the funnel: Open → Working → Nurture (a sales disposition) → closed (Disqualified, Converted).</summary>
    public static int Rank(CrmFunnelStage stage) => stage switch
    {
        CrmFunnelStage.Open => 1,
        CrmFunnelStage.Working => 2,
        CrmFunnelStage.Nurture => 3,
        CrmFunnelStage.Disqualified or CrmFunnelStage.Converted => 4,
        _ => 0,
    };

    /// <summary>True when sales closed the record: converted (or linked to an opportunity/deal) or disqualified.</summary>
    public static bool IsClosed(CrmFunnelStage stage) => stage is CrmFunnelStage.Converted or CrmFunnelStage.Disqualified;

    /// <summary>
    /// Whether LeadSync may write a status of stage <paramref name="target"/> over a record read at <paramref name="current"/>:
    /// never onto a closed record, never to an earlier stage.
    /// </summary>
    public static bool MayWrite(CrmFunnelStage current, CrmFunnelStage target) =>
        !IsClosed(current) && Rank(target) >= Rank(current);

    /// <summary>The stage a touch read implies (for adapters and fakes that only report touches).</summary>
    public static CrmFunnelStage FromTouch(CrmTouch touch)
    {
        ArgumentNullException.ThrowIfNull(touch);
        return touch.State switch
        {
            CrmLeadState.Contacted => CrmFunnelStage.Working,
            CrmLeadState.Converted => CrmFunnelStage.Converted,
            CrmLeadState.Disqualified => CrmFunnelStage.Disqualified,
            CrmLeadState.Nurture => CrmFunnelStage.Nurture,
            _ => CrmFunnelStage.Open,
        };
    }
}
