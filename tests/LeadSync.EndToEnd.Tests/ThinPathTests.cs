using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadSync.Testing;

namespace LeadSync.EndToEnd.Tests;

/// <summary>The whole product over HTTP: intake → CRM → SLA escalation → contact / recycle, on the portable host.</summary>
[Collection(ThinPathCollection.Name)]
public sealed class ThinPathTests(ThinPathHostFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly HttpClient _client = fixture.Client;
    private readonly PortableHostProcess _host = fixture.Host;

    [Fact]
    public async Task A_signed_lead_is_stored_synced_and_escalated_to_the_receiver_level_by_level()
    {
        var (response, body) = await LeadApi.PostLeadAsync(_client, _host, LeadApi.LeadJson("escalate@example.com"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var leadId = body.GetProperty("leadId").GetString()!;

        var synced = await LeadApi.WaitForLeadAsync(_client, _host, leadId, l => l.GetProperty("crmId").ValueKind == JsonValueKind.String, Patience);
        Assert.Equal("sandbox-rep", synced.GetProperty("owner").GetString());

        var escalated = await LeadApi.WaitForLeadAsync(_client, _host, leadId, l => l.GetProperty("escalationLevel").GetInt32() >= 2, Patience);
        Assert.Equal(2, escalated.GetProperty("escalationLevel").GetInt32());
        var received = await WaitForNoticesAsync(leadId, 2);
        var levels = received.Select(r => r.GetProperty("level").GetInt32()).ToList();
        Assert.Equal([1, 2], levels);
        Assert.Equal(["owner", "manager"], received.Select(r => r.GetProperty("recipient").GetString()));
        Assert.All(received, r => Assert.EndsWith($"/api/leads/{leadId}", r.GetProperty("leadUrl").GetString(), StringComparison.Ordinal));
        Assert.Equal(["lead.received", "marketing.touch", "lead.sales-ready", "crm.synced", "sla.escalated", "sla.escalated"], LeadApi.Events(escalated).Take(6));
    }

    [Fact]
    public async Task A_crm_callback_marking_the_lead_contacted_stops_its_ladder()
    {
        var (_, body) = await LeadApi.PostLeadAsync(_client, _host, LeadApi.LeadJson("contacted@example.com"));
        var leadId = body.GetProperty("leadId").GetString()!;
        await LeadApi.WaitForLeadAsync(_client, _host, leadId, l => LeadApi.Status(l) == "Synced", Patience);

        using var callback = StandardWebhookSigner.SignedPost(_host.Url("api/crm-events/sandbox"), ThinPathHostFixture.CrmEventsSecret,
            $$$"""{"leadId":"{{{leadId}}}","event":"contacted"}""");
        using var answer = await _client.SendAsync(callback);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        var lead = await LeadApi.WaitForLeadAsync(_client, _host, leadId, l => LeadApi.Status(l) == "Contacted", Patience);
        Assert.Equal(JsonValueKind.String, lead.GetProperty("firstTouchAt").ValueKind);
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Empty(NoticesFor(leadId));
        Assert.Equal(0, (await LeadApi.GetLeadAsync(_client, _host, leadId))!.Value.GetProperty("escalationLevel").GetInt32());
    }

    [Fact]
    public async Task A_contacted_lead_with_no_progress_is_recycled_to_nurture()
    {
        var (_, body) = await LeadApi.PostLeadAsync(_client, _host, LeadApi.LeadJson("stalled@example.com"));
        var leadId = body.GetProperty("leadId").GetString()!;
        await LeadApi.WaitForLeadAsync(_client, _host, leadId, l => LeadApi.Status(l) == "Synced", Patience);
        using var callback = StandardWebhookSigner.SignedPost(_host.Url("api/crm-events/sandbox"), ThinPathHostFixture.CrmEventsSecret,
            $$$"""{"leadId":"{{{leadId}}}","event":"contacted"}""");
        (await _client.SendAsync(callback)).Dispose();

        var recycled = await LeadApi.WaitForLeadAsync(_client, _host, leadId, l => LeadApi.Status(l) == "Recycled" && LeadApi.Events(l).Contains("marketing.nurture-pushed"), TimeSpan.FromSeconds(45));

        Assert.Equal("Recycled", LeadApi.Status(recycled));
        Assert.Equal("no-progress", recycled.GetProperty("recycleReason").GetString());
        Assert.Equal(1, recycled.GetProperty("recycleCount").GetInt32());
    }

    [Fact]
    public async Task A_redelivered_webhook_is_acknowledged_with_the_same_lead_and_filed_once()
    {
        var id = "msg_" + Guid.NewGuid().ToString("N");
        var (first, firstBody) = await LeadApi.PostLeadAsync(_client, _host, LeadApi.LeadJson("twice@example.com"), id);
        var (second, secondBody) = await LeadApi.PostLeadAsync(_client, _host, LeadApi.LeadJson("twice@example.com"), id);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var leadId = firstBody.GetProperty("leadId").GetString()!;
        Assert.Equal(leadId, secondBody.GetProperty("leadId").GetString());
        var lead = await LeadApi.WaitForLeadAsync(_client, _host, leadId, l => LeadApi.Status(l) == "Synced", Patience);
        Assert.Equal(1, LeadApi.Events(lead).Count(e => e == "lead.received"));
        Assert.Equal(1, LeadApi.Events(lead).Count(e => e == "crm.synced"));
    }

    [Fact]
    public async Task The_lead_api_requires_a_valid_admin_key()
    {
        var (_, body) = await LeadApi.PostLeadAsync(_client, _host, LeadApi.LeadJson("private@example.com"));
        var url = _host.Url($"api/leads/{body.GetProperty("leadId").GetString()}");

        using var anonymous = await _client.GetAsync(url);
        using var wrongKey = new HttpRequestMessage(HttpMethod.Get, url);
        wrongKey.Headers.Add("X-LeadSync-Admin-Key", "not-the-key");
        using var wrong = await _client.SendAsync(wrongKey);
        using var webhookSecretAsKey = new HttpRequestMessage(HttpMethod.Get, url);
        webhookSecretAsKey.Headers.Add("X-LeadSync-Admin-Key", ThinPathHostFixture.GenericSecret);
        using var secret = await _client.SendAsync(webhookSecretAsKey);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, secret.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_reports_reachable_storage()
    {
        using var response = await _client.GetAsync(_host.Url("api/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("reachable", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("storage").GetString());
    }

    [Fact]
    public void Logs_never_contain_raw_email_addresses_or_secrets()
    {
        var output = string.Join('\n', _host.Output.Where(l => !l.Contains("Admin key", StringComparison.Ordinal) && !l.Contains("openssl", StringComparison.Ordinal)));

        Assert.DoesNotContain("@example.com", output, StringComparison.Ordinal);
        Assert.DoesNotContain(ThinPathHostFixture.GenericSecret[6..], output, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.AdminKey, output.Replace($"X-LeadSync-Admin-Key: {_host.AdminKey}", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private List<JsonElement> NoticesFor(string leadId) =>
        fixture.Receiver.Received
            .Select(r => JsonDocument.Parse(r.Body).RootElement)
            .Where(j => j.GetProperty("leadId").GetString() == leadId)
            .ToList();

    private async Task<List<JsonElement>> WaitForNoticesAsync(string leadId, int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (NoticesFor(leadId).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        return NoticesFor(leadId).OrderBy(j => j.GetProperty("level").GetInt32()).ToList();
    }
}
