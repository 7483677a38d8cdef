namespace LeadSync.Reliability.Tests.Hostile;

/// <summary>What the host answered to one hostile case (status 0: no answer — the connection failed).</summary>
public sealed record HostileOutcome(int Status, string? MediaType, string Body, string? Error);
