namespace LeadSync.Core.Jobs;

/// <summary>What a queue consumer does with a message after handling it: delete it, or make it visible again later.</summary>
public sealed record WorkOutcome(bool Completed, TimeSpan? RetryAfter, string Detail)
{
    public static WorkOutcome Done(string detail) => new(true, null, detail);

    public static WorkOutcome Retry(TimeSpan after, string detail) => new(false, after, detail);

    /// <summary>
    /// Not done, and not a failure of the message: hand it back for <paramref name="after"/> without counting a
    /// delivery (the hosts send it again with that initial delay and complete this one, so a long CRM pause never
    /// poisons it).
    /// </summary>
    public static WorkOutcome Defer(TimeSpan after, string detail) => new(false, after < TimeSpan.Zero ? TimeSpan.Zero : after, detail) { Deferred = true };

    /// <summary>See <see cref="Defer"/>.</summary>
    public bool Deferred { get; init; }
}
