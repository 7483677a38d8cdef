using Polly.Retry;

namespace LeadSync.Infrastructure.Crm;

/// <summary>
/// Builds a provider's HTTP pipeline (outermost first): total timeout → retry → circuit breaker → rate limiter →
/// attempt timeout. The limiter sits inside the retry so every attempt, retries included, spends a permit.
/// </summary>
internal static class CrmResilience
{
    public static IHttpClientBuilder AddCrmResilience(this IHttpClientBuilder builder, CrmProvider provider, Func<IServiceProvider, CrmResilienceOptions> options)
    {
        builder.AddResilienceHandler($"crm-{provider}", (pipeline, context) =>
        {
            var o = options(context.ServiceProvider);
            var limiter = context.ServiceProvider.GetRequiredKeyedService<RateLimiter>(provider);
            var time = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;

            pipeline.AddTimeout(o.TotalTimeout);
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, o.MaxRetryAttempts),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryBaseDelay,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, provider, o, time, o.MaxRetryAttempts > 0),
                DelayGenerator = args => HintedDelayAsync(args.Outcome, provider, time),
            });
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = o.BreakerFailureRatio,
                MinimumThroughput = o.BreakerMinimumThroughput,
                SamplingDuration = o.BreakerSamplingDuration,
                BreakDuration = o.BreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsOutage(args.Outcome)),
            });
            pipeline.AddRateLimiter(limiter);
            pipeline.AddTimeout(o.AttemptTimeout);
        });
        return builder;
    }

    private const int LimiterSegments = 20;

    /// <summary>
    /// A segmented sliding window returns a permit when its segment slides out, which can be up to one segment earlier
    /// than a full window after it was taken, and the replenishment timer fires with a few milliseconds of jitter.
    /// Stretching the window by n/(n−2) holds every permit for at least the vendor's window plus one segment of
    /// margin, so no rolling window of that length ever carries more than the configured limit (with n/(n−1) the
    /// margin was zero and a 2 s window saw permits come back after 1,997 ms).
    /// </summary>
    public static SlidingWindowRateLimiter CreateLimiter(CrmResilienceOptions o) => new(new SlidingWindowRateLimiterOptions
    {
        PermitLimit = o.RateLimitPermits,
        Window = LimiterWindow(o.RateLimitWindow),
        SegmentsPerWindow = LimiterSegments,
        QueueLimit = o.RateLimitQueue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    internal static TimeSpan LimiterWindow(TimeSpan vendorWindow) => vendorWindow * LimiterSegments / (LimiterSegments - 2);

    private static async ValueTask<bool> ShouldRetryAsync(
        Outcome<HttpResponseMessage> outcome, CrmProvider provider, CrmResilienceOptions o, TimeProvider time, bool enabled)
    {
        if (!enabled)
        {
            return false;
        }

        if (outcome.Exception is { } ex)
        {
            // The caller's own cancellation is not a fault; an attempt timeout or a dropped connection is.
            return ex is HttpRequestException or TimeoutRejectedException;
        }

        var response = outcome.Result;
        if (response is null || response.IsSuccessStatusCode)
        {
            return false;
        }

        var classified = await ClassifyAsync(response, provider, time);
        return classified.Kind == CrmOutcomeKind.Transient && (classified.RetryAfter ?? TimeSpan.Zero) <= o.MaxInlineRetryAfter;
    }

    /// <summary>The vendor's wait hint plus a little jitter; null falls back to jittered exponential back-off.</summary>
    private static async ValueTask<TimeSpan?> HintedDelayAsync(Outcome<HttpResponseMessage> outcome, CrmProvider provider, TimeProvider time)
    {
        if (outcome.Result is not { } response)
        {
            return null;
        }

        var hint = (await ClassifyAsync(response, provider, time)).RetryAfter;
#pragma warning disable CA5394 // Jitter, not security.
        return hint is { } h ? h + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250)) : null;
#pragma warning restore CA5394
    }

    internal static async Task<CrmOutcome> ClassifyAsync(HttpResponseMessage response, CrmProvider provider, TimeProvider time)
    {
        await response.Content.LoadIntoBufferAsync();
        var body = await response.Content.ReadAsStringAsync();
        return CrmResponseMapper.Classify(provider, response.StatusCode, response.Headers, body, TimeSpan.Zero, time.GetUtcNow());
    }

    private static bool IsOutage(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || outcome.Result is { StatusCode: HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError };
}
