namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// The storage clients' retry policy: the SDK's exponential retries (with jitter), but every try of one call shares one
/// budget (<see cref="StorageOptions.NetworkTimeout"/>). Each try's network time-out is what is left of it, and no try
/// starts without time to answer after its back-off or the service's Retry-After. So a stalled service costs one
/// network time-out, not one per try (three tries of 5 s answered after 15.5 s), and a throttling one (429/503 with a
/// long Retry-After) fails within the budget. Time spent waiting for a <see cref="ConcurrentRequestLimit"/> slot is
/// not counted: it is this process's queue, not the service's answer.
/// </summary>
internal sealed class DeadlineRetryPolicy(int maxRetries, TimeSpan budget, TimeSpan initialDelay, TimeSpan maxDelay)
    : RetryPolicy(maxRetries, DelayStrategy.CreateExponentialDelayStrategy(initialDelay, maxDelay))
{
    /// <summary>A try given less than this would time out before storage could answer; it is not started.</summary>
    internal static readonly TimeSpan MinimumTry = TimeSpan.FromMilliseconds(250);

    private const string StartedProperty = "LeadSync.Storage.DeadlineStarted";

    public TimeSpan Budget { get; } = budget;

    public TimeSpan MaxDelay { get; } = maxDelay;

    protected override void OnSendingRequest(HttpMessage message)
    {
        if (!message.TryGetProperty(StartedProperty, out _))
        {
            message.SetProperty(StartedProperty, Stopwatch.GetTimestamp());
        }

        var remaining = Remaining(message);
        message.NetworkTimeout = remaining > MinimumTry ? remaining : MinimumTry;
        base.OnSendingRequest(message);
    }

    protected override ValueTask OnSendingRequestAsync(HttpMessage message)
    {
        OnSendingRequest(message);
        return ValueTask.CompletedTask;
    }

    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        base.ShouldRetry(message, exception) && HasTimeForAnotherTry(message);

    protected override async ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        await base.ShouldRetryAsync(message, exception).ConfigureAwait(false) && HasTimeForAnotherTry(message);

    /// <summary>The budget left for this call: elapsed time minus time spent waiting for a concurrency slot.</summary>
    internal TimeSpan Remaining(HttpMessage message)
    {
        if (!message.TryGetProperty(StartedProperty, out var started) || started is not long start)
        {
            return Budget;
        }

        var elapsed = Stopwatch.GetElapsedTime(start) - ConcurrentRequestLimit.WaitedFor(message);
        return Budget - elapsed;
    }

    /// <summary>
    /// Another try must fit in the budget after the service's Retry-After (the SDK waits at least that long) and the
    /// SDK's own back-off (at most <see cref="MaxDelay"/>).
    /// </summary>
    private bool HasTimeForAnotherTry(HttpMessage message)
    {
        var wait = message.HasResponse && RetryAfter(message.Response) is { } serverDelay && serverDelay > MaxDelay ? serverDelay : MaxDelay;
        return Remaining(message) - wait > MinimumTry;
    }

    private static TimeSpan? RetryAfter(Azure.Response response)
    {
        if (response.Headers.TryGetValue("retry-after-ms", out var ms) || response.Headers.TryGetValue("x-ms-retry-after-ms", out ms))
        {
            return double.TryParse(ms, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? TimeSpan.FromMilliseconds(value)
                : null;
        }

        if (!response.Headers.TryGetValue("Retry-After", out var retryAfter))
        {
            return null;
        }

        if (int.TryParse(retryAfter, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(retryAfter, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at - DateTimeOffset.UtcNow
            : null;
    }
}
