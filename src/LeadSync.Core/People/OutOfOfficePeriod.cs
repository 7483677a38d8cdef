namespace LeadSync.Core.People;

/// <summary>A half-open out-of-office period [From, To).</summary>
public sealed record OutOfOfficePeriod(DateTimeOffset From, DateTimeOffset To, string? Note)
{
    public bool Covers(DateTimeOffset at) => at >= From && at < To;
}
