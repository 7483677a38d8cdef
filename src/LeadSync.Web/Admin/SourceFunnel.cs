namespace LeadSync.Web.Admin;

/// <summary>Lead counts by status for one source.</summary>
public sealed record SourceFunnel(string Source, IReadOnlyDictionary<string, int> Statuses);
