using System.Buffers;
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

        return request.ContentLength is { } length
            ? await ReadDeclaredAsync(request.Body, (int)length, cancellationToken)
            : await ReadChunkedAsync(request.Body, maxBytes, cancellationToken);
    }

    /// <summary>
    /// A body of declared length straight into an array of that size (the server ends the body at the declared
    /// length, and fails the read when the sender stops short).
    /// </summary>
    private static async Task<byte[]> ReadDeclaredAsync(Stream body, int length, CancellationToken cancellationToken)
    {
        var bytes = new byte[length];
        var filled = 0;
        int read;
        while (filled < length && (read = await body.ReadAsync(bytes.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        return filled == length ? bytes : bytes[..filled];
    }

    /// <summary>A body without a declared length, through a pooled chunk; null past <paramref name="maxBytes"/>.</summary>
    private static async Task<byte[]?> ReadChunkedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
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
