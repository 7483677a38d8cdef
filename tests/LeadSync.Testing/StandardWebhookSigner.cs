using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using LeadSync.Core.Intake.Signatures;

namespace LeadSync.Testing;

/// <summary>Builds signed Standard Webhooks requests, as a marketing tool (or CRM callback) would send them.</summary>
public static class StandardWebhookSigner
{
    public static HttpRequestMessage SignedPost(Uri url, string secret, string body, string? id = null, DateTimeOffset? at = null)
    {
        id ??= "msg_" + Guid.NewGuid().ToString("N");
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(StandardWebhookVerifier.IdHeader, id);
        request.Headers.Add(StandardWebhookVerifier.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(StandardWebhookVerifier.SignatureHeader, StandardWebhookVerifier.Sign(secret, id, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }
}
