namespace LeadSync.Core.Storage;

/// <summary>
/// A wake-up hint in the due index. The lead itself holds the truth: a stale hint is simply discarded.
/// </summary>
public sealed record DueItem(string LeadId, DueKind Kind, DateTimeOffset DueAt);
