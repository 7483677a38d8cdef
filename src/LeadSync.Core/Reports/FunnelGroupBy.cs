namespace LeadSync.Core.Reports;

/// <summary>What the funnel report groups lead cycles by.</summary>
public enum FunnelGroupBy
{
    Source,
    Campaign,
    Owner,

    /// <summary>The owner's team (<see cref="FunnelRow.Team"/>).</summary>
    Team,

    /// <summary>The ISO week of the cycle's UTC start day, e.g. <c>2026-W48</c>.</summary>
    Week,
}
