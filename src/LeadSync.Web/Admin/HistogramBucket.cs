namespace LeadSync.Web.Admin;

/// <summary>Leads whose time to first touch is in [<see cref="FromMinutes"/>, <see cref="ToMinutes"/>) (null: open-ended).</summary>
public sealed record HistogramBucket(string Label, int FromMinutes, int? ToMinutes, int Count);
