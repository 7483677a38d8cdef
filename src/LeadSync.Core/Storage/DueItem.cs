namespace LeadSync.Core.Storage;

/// <summary>
/// A wake-up hint in the due index. The lead itself holds the truth: a stale hint is simply discarded.
/// </summary>
public sealed record DueItem(string LeadId, DueKind Kind, DateTimeOffset DueAt)
{
    /// <summary>Where the index filed the hint (set by the index when it reads it; opaque to callers).</summary>
    public string? Locator { get; init; }
}
