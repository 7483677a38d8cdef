using System.Net.Http.Json;

namespace LeadSync.Infrastructure.Notifications;

/// <summary>
/// POSTs escalation JSON to the configured <c>LeadSync:Notifications:WebhookUrl</c>. The URL's path and query can hold
/// a secret (Slack- and Teams-style URLs do), so the destination recorded for the delivery is scheme, host and port only.
/// </summary>
public sealed class WebhookNotifier(HttpClient httpClient, Uri url)
{
    public async Task<DeliveryResult> SendAsync(EscalationMessage message, CancellationToken cancellationToken)
    {
        var destination = url.GetLeftPart(UriPartial.Authority);
        try
        {
            using var response = await httpClient.PostAsJsonAsync(url, EscalationPayload.From(message), cancellationToken);
            return response.IsSuccessStatusCode
                ? DeliveryResult.To(destination)
                : DeliveryResult.Failed(destination, $"HTTP {(int)response.StatusCode}");
        }
        catch (HttpRequestException ex)
        {
            return DeliveryResult.Failed(destination, ex.HttpRequestError.ToString());
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Failed(destination, "timeout");
        }
    }
}
