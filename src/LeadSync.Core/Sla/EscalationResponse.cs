namespace LeadSync.Core.Sla;

/// <summary>The outcome of acting on an escalation: what happened, in one sentence for the person who acted.</summary>
public sealed record EscalationResponse(EscalationResponseStatus Status, string Detail, string? By = null, DateTimeOffset? At = null, DateTimeOffset? PausedUntil = null);
