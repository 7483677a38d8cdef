namespace LeadSync.Web.Problems;

/// <summary>Adds a <c>Retry-After</c> header (seconds) to a result, for retryable 503 answers.</summary>
public sealed class RetryAfterResult(IResult inner, TimeSpan after) : IResult
{
    /// <summary>The wrapped result (the audit log reads its status).</summary>
    public IResult Inner => inner;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = ((int)after.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return inner.ExecuteAsync(httpContext);
    }
}
