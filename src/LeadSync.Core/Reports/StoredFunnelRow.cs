namespace LeadSync.Core.Reports;

/// <summary>A report row as stored, with the concurrency token a conditional repair writes against.</summary>
public sealed record StoredFunnelRow(FunnelRow Row, string ETag);
