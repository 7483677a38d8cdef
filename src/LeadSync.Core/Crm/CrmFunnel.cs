namespace LeadSync.Core.Crm;

/// <summary>
/// The "never backwards" rules over <see cref="CrmFunnelStage"/> (pure). LeadSync writes a CRM status in two places
/// only, and each may go only over stages that mean "no sales outcome yet":
/// <list type="bullet">
/// <item>the new-lead status of an upsert (HubSpot <c>NewLeadStatus</c>) over no record, an open record, or a record
/// LeadSync itself handed back to nurture (a re-engaged lead re-enters the funnel);</item>
/// <item>the recycled status of the nurture write-back over an open or worked record (the agreed hand-back when sales
/// made no progress).</item>
/// </list>
/// Never over a record sales closed (converted, linked to an opportunity or deal, disqualified), and never over a
/// worked record with the new-lead status.
/// </summary>
public static class CrmFunnel
{
    /// <summary>True when sales closed the record: converted (or linked to an opportunity/deal) or disqualified.</summary>
    public static bool IsClosed(CrmFunnelStage stage) => stage is CrmFunnelStage.Converted or CrmFunnelStage.Disqualified;

    /// <summary>Whether LeadSync may write a status of stage <paramref name="target"/> over a record read at <paramref name="current"/>.</summary>
    public static bool MayWrite(CrmFunnelStage current, CrmFunnelStage target) => target switch
    {
        CrmFunnelStage.Open => current is CrmFunnelStage.Missing or CrmFunnelStage.Open or CrmFunnelStage.Nurture,
        CrmFunnelStage.Nurture => current is CrmFunnelStage.Missing or CrmFunnelStage.Open or CrmFunnelStage.Working,
        _ => false,
    };

    /// <summary>The stage a touch read implies (for adapters and fakes that only report touches).</summary>
    public static CrmFunnelStage FromTouch(CrmTouch touch)
    {
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
