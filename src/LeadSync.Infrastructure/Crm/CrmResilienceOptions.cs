namespace LeadSync.Infrastructure.Crm;

/// <summary>
/// Per-provider HTTP resilience (<c>LeadSync:Crm:{Provider}:Resilience</c>): a client-side rate limiter sized to the
/// vendor quota so a backlog drains without 429 storms, jittered retries that honour <c>Retry-After</c>, a circuit
/// breaker and timeouts.
/// </summary>
public sealed class CrmResilienceOptions
{
    /// <summary>
    /// The vendor's request limit per <see cref="RateLimitWindow"/>. The client-side sliding window is stretched by about
    /// 5 % so that no rolling window of that length ever exceeds it.
    /// </summary>
    [Range(1, 1_000_000)]
    public int RateLimitPermits { get; set; } = 100;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Requests that may wait for a permit; beyond this a call fails fast as transient.</summary>
    [Range(0, 1_000_000)]
    public int RateLimitQueue { get; set; } = 10_000;

    [Range(0, 20)]
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>Base of the jittered exponential back-off when the CRM gives no <c>Retry-After</c>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A <c>Retry-After</c> longer than this is not waited out in-process: the lead is re-queued instead.</summary>
    public TimeSpan MaxInlineRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound for one call including retries and rate-limiter queueing.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    internal IEnumerable<ValidationResult> Validate(string section)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        foreach (var r in results)
        {
            yield return new ValidationResult($"{section}:Resilience: {r.ErrorMessage}", r.MemberNames);
        }

        foreach (var (name, value, min) in new[]
        {
            (nameof(RateLimitWindow), RateLimitWindow, TimeSpan.FromMilliseconds(100)),
            (nameof(RetryBaseDelay), RetryBaseDelay, TimeSpan.Zero),
            (nameof(AttemptTimeout), AttemptTimeout, TimeSpan.FromSeconds(1)),
            (nameof(TotalTimeout), TotalTimeout, TimeSpan.FromSeconds(1)),
            (nameof(BreakerSamplingDuration), BreakerSamplingDuration, TimeSpan.FromMilliseconds(500)),
            (nameof(BreakerBreakDuration), BreakerBreakDuration, TimeSpan.FromMilliseconds(500)),
        })
        {
            if (value < min)
            {
                yield return new ValidationResult($"{section}:Resilience:{name} must be at least {min}.", [name]);
            }
        }
    }
}
