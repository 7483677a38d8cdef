namespace LeadSync.Reliability.Tests.Hostile;

/// <summary>The lead a hostile case starts from (before it is mutated): legal but awkward values.</summary>
public sealed record LeadSample(string Id, string Email, string FirstName, string LastName, string Company, string? Phone);
