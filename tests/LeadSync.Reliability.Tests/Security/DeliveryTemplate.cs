using System.Net.Http.Headers;
using LeadSync.Reliability.Tests.Hostile;

namespace LeadSync.Reliability.Tests.Security;

/// <summary>
/// A delivery captured once (URL, headers, body) so the exact same bytes can be sent again, as an attacker replaying
/// a recorded request (or a vendor retrying) would.
/// </summary>
public sealed class DeliveryTemplate
{
    private readonly Uri _url;
    private readonly List<KeyValuePair<string, string>> _headers;
    private readonly byte[] _body;
    private readonly string _mediaType;

    private DeliveryTemplate(Uri url, List<KeyValuePair<string, string>> headers, byte[] body, string mediaType)
    {
        _url = url;
        _headers = headers;
        _body = body;
        _mediaType = mediaType;
    }

    /// <summary>A delivery of <paramref name="body"/> to <paramref name="source"/>, authenticated with <paramref name="secret"/> (none when null).</summary>
    public static DeliveryTemplate Create(Uri webhookUrl, SourceDialect dialect, byte[] body, string? secret, byte[]? signedBody = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl);
        if (secret is not null)
        {
            dialect.Authenticate(request, signedBody ?? body, secret);
        }

        var headers = request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v))).ToList();
        return new DeliveryTemplate(request.RequestUri!, headers, body, dialect.MediaType);
    }

    public DeliveryTemplate WithHeader(string name, string value) => new(_url, [.. _headers, new(name, value)], _body, _mediaType);

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(_body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(_mediaType);
        foreach (var (name, value) in _headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}
