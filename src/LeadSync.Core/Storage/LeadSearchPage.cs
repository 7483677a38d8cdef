namespace LeadSync.Core.Storage;

/// <summary>One page of search results; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record LeadSearchPage(IReadOnlyList<Lead> Leads, string? ContinuationToken);
