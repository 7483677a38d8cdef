using LeadSync.Testing;

namespace LeadSync.Reliability.Tests.Hostile;

/// <summary>Sends a hostile case over real HTTP exactly as generated: raw body bytes, its headers, then the source's authentication.</summary>
public sealed class HostileSender(PortableHostProcess host, HttpClient client)
{
    public async Task<HostileOutcome> SendAsync(HostileCase hostile)
    {
        var dialect = SourceDialects.Named(hostile.Source);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Url("api/webhooks/" + hostile.Source).AbsoluteUri + hostile.UrlTail));
        HttpContent content = hostile.Chunked ? new StreamContent(new UnseekableStream(hostile.Body)) : new ByteArrayContent(hostile.Body);
        request.Content = content;
        if (hostile.ContentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", hostile.ContentType);
        }

        foreach (var (name, value) in hostile.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (hostile.Secret is { } secret)
        {
            dialect.Authenticate(request, hostile.Tampered ? [.. hostile.Body, (byte)' '] : hostile.Body, secret);
        }

        try
        {
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return new HostileOutcome((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text, null);
        }
        catch (HttpRequestException ex)
        {
            return new HostileOutcome(0, null, string.Empty, ex.Message + (ex.InnerException is { } inner ? " / " + inner.Message : string.Empty));
        }
    }
}
