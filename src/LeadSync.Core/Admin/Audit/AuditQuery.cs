namespace LeadSync.Core.Admin.Audit;

/// <summary>
/// A page of the audit log, newest first: optionally one action and one actor (exact), entries at or after
/// <see cref="From"/> and before <see cref="To"/>; <see cref="ContinuationToken"/> is the last page's.
/// </summary>
public sealed record AuditQuery
{
    public string? Action { get; init; }

    public string? Actor { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public int PageSize { get; init; } = 50;

    public string? ContinuationToken { get; init; }
}
