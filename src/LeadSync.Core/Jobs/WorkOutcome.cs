namespace LeadSync.Core.Jobs;

/// <summary>What a queue consumer does with a message after handling it: delete it, or make it visible again later.</summary>
public sealed record WorkOutcome(bool Completed, TimeSpan? RetryAfter, string Detail)
{
    public static WorkOutcome Done(string detail) => new(true, null, detail);

    public static WorkOutcome Retry(TimeSpan after, string detail) => new(false, after, detail);
}
