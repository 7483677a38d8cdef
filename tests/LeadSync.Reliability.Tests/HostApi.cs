using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadSync.Testing;

namespace LeadSync.Reliability.Tests;

/// <summary>The public HTTP API as a marketing tool (signed generic deliveries) and an admin (lead reads, job runs) use it.</summary>
public sealed class HostApi(PortableHostProcess host, HttpClient client)
{
    public PortableHostProcess Host => host;

    public static string LeadJson(string email) =>
        $$$"""{"type":"lead.created","timestamp":"2026-11-23T10:00:00Z","data":{"email":"{{{email}}}","firstName":"Ada","lastName":"Lovelace","company":"Analytical Engines"}}""";

    /// <summary>Posts a signed generic delivery; the outcome carries the status and, on 202, the lead id.</summary>
    public async Task<DeliveryOutcome> DeliverAsync(string webhookId, string email, CancellationToken cancellationToken = default)
    {
        using var request = StandardWebhookSigner.SignedPost(host.Url("api/webhooks/generic"), Secrets.Generic, LeadJson(email), webhookId);
        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return new DeliveryOutcome((int)response.StatusCode, null, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter is not null);
        }

        var body = JsonDocument.Parse(text).RootElement;
        return new DeliveryOutcome(202, body.GetProperty("leadId").GetString(), response.Content.Headers.ContentType?.MediaType, false);
    }

    public async Task<JsonElement?> GetLeadAsync(string leadId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, host.Url($"api/leads/{leadId}"));
        request.Headers.Add("X-LeadSync-Admin-Key", host.AdminKey);
        using var response = await client.SendAsync(request);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    public async Task<HttpStatusCode> RunJobAsync(string job)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, host.Url($"api/admin/jobs/{job}/run"));
        request.Headers.Add("X-LeadSync-Admin-Key", host.AdminKey);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    public async Task<HttpStatusCode> HealthAsync()
    {
        using var response = await client.GetAsync(host.Url("api/health"));
        return response.StatusCode;
    }

    /// <summary>Reads every lead (in parallel) until <paramref name="done"/> holds for all of them, or patience runs out.</summary>
    public async Task<IReadOnlyDictionary<string, JsonElement>> WaitForLeadsAsync(IReadOnlyCollection<string> leadIds, Func<JsonElement, bool> done, TimeSpan patience)
    {
        var settled = new Dictionary<string, JsonElement>();
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var pending = leadIds.Where(id => !settled.ContainsKey(id)).ToList();
            using var gate = new SemaphoreSlim(8);
            var reads = await Task.WhenAll(pending.Select(async id =>
            {
                await gate.WaitAsync();
                try
                {
                    return (id, lead: await GetLeadAsync(id));
                }
                catch (HttpRequestException)
                {
                    return (id, lead: (JsonElement?)null);
                }
                finally
                {
                    gate.Release();
                }
            }));
            foreach (var (id, lead) in reads)
            {
                if (lead is { } l && done(l))
                {
                    settled[id] = l;
                }
            }

            if (settled.Count == leadIds.Count || DateTime.UtcNow > deadline)
            {
                return settled;
            }

            await Task.Delay(1000);
        }
    }

    public static string Status(JsonElement lead) => lead.GetProperty("status").GetString()!;

    public static int Count(JsonElement lead, string timelineEvent) =>
        lead.GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("event").GetString() == timelineEvent);
}
