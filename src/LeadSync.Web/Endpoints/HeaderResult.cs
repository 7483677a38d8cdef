namespace LeadSync.Web.Endpoints;

/// <summary>Adds a response header to a result (e.g. <c>ETag</c> on admin documents).</summary>
public sealed class HeaderResult(IResult inner, string name, string value) : IResult
{
    /// <summary>The wrapped result (the audit log reads its status).</summary>
    public IResult Inner => inner;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers[name] = value;
        return inner.ExecuteAsync(httpContext);
    }
}
