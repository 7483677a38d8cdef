namespace LeadSync.Reliability.Tests;

/// <summary>What the host answered to one delivery.</summary>
public sealed record DeliveryOutcome(int Status, string? LeadId, string? MediaType, bool HasRetryAfter);
