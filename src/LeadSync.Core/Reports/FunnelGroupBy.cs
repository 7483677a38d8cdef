namespace LeadSync.Core.Reports;

/// <summary>What the funnel report groups lead cycles by.</summary>
public enum FunnelGroupBy
{
    Source,
    Campaign,
    Owner,
}
