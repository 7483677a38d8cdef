namespace LeadSync.Core.Storage;

/// <summary>Admin lead search: every set filter must hold. <see cref="Breached"/> true means "escalated at least once".</summary>
public sealed record LeadSearchQuery
{
    public IReadOnlyList<LeadStatus> Statuses { get; init; } = [];
    public string? Source { get; init; }
    public string? Owner { get; init; }
    public bool? Breached { get; init; }
    public DateTimeOffset? ReceivedFrom { get; init; }
    public int PageSize { get; init; } = 50;

    /// <summary>Opaque token from the previous page; null for the first page.</summary>
    public string? ContinuationToken { get; init; }
}
