namespace LeadSync.Web.Console;

/// <summary>Writes an embedded console file with strict security headers (the console needs nothing but itself).</summary>
public sealed class EmbeddedFileResult(byte[] content, string contentType) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = contentType;
        response.ContentLength = content.Length;
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";
        response.Headers["Referrer-Policy"] = "no-referrer";
        await response.Body.WriteAsync(content, httpContext.RequestAborted);
    }
}
