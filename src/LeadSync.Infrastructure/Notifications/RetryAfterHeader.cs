namespace LeadSync.Infrastructure.Notifications;

/// <summary>Reads <c>Retry-After</c> (delta seconds or an HTTP date) relative to <paramref name="now"/>.</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Read(HttpResponseHeaders headers, DateTimeOffset now) => headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when date > now => date - now,
        _ => null,
    };
}
