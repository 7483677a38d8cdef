namespace LeadSync.Core.Admin.Audit;

/// <summary>One page of audit entries, newest first, and the token for the next (null on the last page).</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, string? ContinuationToken);
