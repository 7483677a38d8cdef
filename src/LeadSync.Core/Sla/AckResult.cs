namespace LeadSync.Core.Sla;

/// <summary>The outcome of acknowledging an escalation: who acknowledged, when, and until when the ladder waits.</summary>
public sealed record AckResult(AckStatus Status, string? By = null, DateTimeOffset? At = null, DateTimeOffset? PausedUntil = null);
