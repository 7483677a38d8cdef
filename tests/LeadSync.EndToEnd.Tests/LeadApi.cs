using System.Net.Http.Json;
using System.Text.Json;
using LeadSync.Testing;

namespace LeadSync.EndToEnd.Tests;

/// <summary>Small helpers over the public HTTP API, as a marketing tool, a CRM and an admin would call it.</summary>
public static class LeadApi
{
    public static string LeadJson(string email, string first = "Ada") =>
        $$$"""{"type":"lead.created","timestamp":"2026-11-23T10:00:00Z","data":{"email":"{{{email}}}","firstName":"{{{first}}}","lastName":"Lovelace","company":"Analytical Engines"}}""";

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostLeadAsync(
        HttpClient client, PortableHostProcess host, string body, string? id = null)
    {
        using var request = StandardWebhookSigner.SignedPost(host.Url("api/webhooks/generic"), ThinPathHostFixture.GenericSecret, body, id);
        var response = await client.SendAsync(request);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response, json);
    }

    public static async Task<JsonElement?> GetLeadAsync(HttpClient client, PortableHostProcess host, string leadId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, host.Url($"api/leads/{leadId}"));
        request.Headers.Add("X-LeadSync-Admin-Key", host.AdminKey);
        using var response = await client.SendAsync(request);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    /// <summary>Polls the lead until <paramref name="condition"/> holds (or the timeout passes) and returns the last view.</summary>
    public static async Task<JsonElement> WaitForLeadAsync(HttpClient client, PortableHostProcess host, string leadId, Func<JsonElement, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await GetLeadAsync(client, host, leadId);
            if (last is { } lead && condition(lead))
            {
                return lead;
            }

            await Task.Delay(200);
        }

        return last ?? throw new TimeoutException($"Lead {leadId} never became readable.");
    }

    public static string Status(JsonElement lead) => lead.GetProperty("status").GetString()!;

    public static IEnumerable<string> Events(JsonElement lead) =>
        lead.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("event").GetString()!);
}
