namespace LeadSync.Core.Reports;

/// <summary>The funnel report: one entry per group, ordered by key.</summary>
public sealed record FunnelReportResult(DateOnly From, DateOnly To, string GroupBy, IReadOnlyList<FunnelGroup> Groups);
