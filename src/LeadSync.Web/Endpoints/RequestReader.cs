using Microsoft.AspNetCore.Http.Extensions;

namespace LeadSync.Web.Endpoints;

/// <summary>Reads a request into an <see cref="InboundWebhook"/>, enforcing the body limit before anything is parsed.</summary>
public static class RequestReader
{
    /// <summary>The body bytes, or null when the body is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static InboundWebhook ToWebhook(HttpRequest request, string source, ReadOnlyMemory<byte> body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = values.ToString();
        }

        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Query)
        {
            query[name] = values.ToString();
        }

        return new InboundWebhook
        {
            Source = source,
            Method = request.Method,
            RequestUri = new Uri(request.GetEncodedUrl()),
            ContentType = request.ContentType,
            Body = body,
            Headers = headers,
            Query = query,
        };
    }
}
