using System.Threading.RateLimiting;

namespace LeadSync.Web.Endpoints;

/// <summary>
/// Per-source limit of failed webhook authentications (<see cref="IntakeOptions.FailedAuthLimit"/> per
/// <see cref="IntakeOptions.FailedAuthWindow"/>), on the rate limiter ASP.NET Core's rate-limiting middleware is built
/// on, called from the shared webhook handler so the Functions app and the portable host behave the same. Only failed
/// authentications count and only they are refused (429 instead of 401): a source's authentic deliveries always go
/// through, so a flood of forged requests cannot lock its vendor out.
/// </summary>
public sealed class FailedAuthenticationLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;
    private readonly TimeSpan _window;

    public FailedAuthenticationLimiter(IOptions<IntakeOptions> options)
    {
        var settings = options.Value;
        _window = settings.FailedAuthWindow;
        if (settings.FailedAuthLimit > 0)
        {
            _limiter = PartitionedRateLimiter.Create<string, string>(source => RateLimitPartition.GetFixedWindowLimiter(source, _ =>
                new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.FailedAuthLimit,
                    Window = settings.FailedAuthWindow,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        }
    }

    /// <summary>
    /// Counts one failed authentication for <paramref name="source"/> (a known source's name); null while within the
    /// limit, else how long until the sender may try again.
    /// </summary>
    public TimeSpan? Refuse(string source)
    {
        if (_limiter is null)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(source.ToLowerInvariant());
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : _window;
    }

    public void Dispose() => _limiter?.Dispose();
}
