namespace LeadSync.Core.Reports;

/// <summary>
/// The tally of one day's lead cycles that share every value a report groups or filters by: source, campaign, owner,
/// team and the test flag (values exactly as on the index rows).
/// </summary>
public sealed record FunnelCell(string Source, string? Campaign, string? Owner, string? Team, bool IsTest)
{
    public FunnelTally Tally { get; init; } = new();
}
