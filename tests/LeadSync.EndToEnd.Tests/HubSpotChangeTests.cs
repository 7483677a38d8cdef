using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using LeadSync.Core.Intake.HubSpot;

namespace LeadSync.EndToEnd.Tests;

/// <summary>
/// As a HubSpot portal would: a lead synced to HubSpot, then the rep sets the lead status and HubSpot's signed
/// property-change webhook arrives. The lead is Contacted when that one request returns, and the SLA ladder that was
/// waiting for the first touch never fires.
/// </summary>
public sealed class HubSpotChangeTests(HubSpotChangeHostFixture fixture) : IClassFixture<HubSpotChangeHostFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_HubSpot_property_change_webhook_marks_the_lead_contacted_in_one_request_and_its_ladder_stops()
    {
        var (posted, accepted) = await LeadApi.PostLeadAsync(fixture.Client, fixture.Host, LeadApi.LeadJson("hubspot-e2e@example.com"));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var leadId = accepted.GetProperty("leadId").GetString()!;
        var synced = await LeadApi.WaitForLeadAsync(fixture.Client, fixture.Host, leadId, l => LeadApi.Status(l) == "Synced", Patience);
        Assert.Equal("Synced", LeadApi.Status(synced));
        var contactId = synced.GetProperty("crmId").GetString()!;

        var body = $$"""[{"objectId":{{contactId}},"propertyName":"hs_lead_status","propertyValue":"CONNECTED","changeSource":"CRM_UI","eventId":42,"subscriptionId":101,"portalId":1234567,"appId":7654321,"occurredAt":{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}},"subscriptionType":"contact.propertyChange","attemptNumber":0}]""";
        var url = fixture.Host.Url("api/crm-changes/hubspot");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var readsBefore = fixture.HubSpot.Reads.Count; // the SLA sweep's poll also reads contacts
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(HubSpotSignature.V3Header, HubSpotSignature.SignV3(HubSpotChangeHostFixture.ClientSecret, "POST", url.ToString(), Encoding.UTF8.GetBytes(body), timestamp));
        request.Headers.Add(HubSpotSignature.TimestampHeader, timestamp);
        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var change = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("changes")[0];
        Assert.Equal("Applied", change.GetProperty("outcome").GetString());
        Assert.Equal(leadId, change.GetProperty("leadId").GetString());
        var contacted = (await LeadApi.GetLeadAsync(fixture.Client, fixture.Host, leadId))!.Value;
        Assert.Equal("Contacted", LeadApi.Status(contacted));
        Assert.Equal(JsonValueKind.String, contacted.GetProperty("firstTouchAt").ValueKind);
        Assert.InRange(fixture.HubSpot.Reads.Count - readsBefore, 1, 2); // the webhook's one batch read (+ at most one sweep poll meanwhile)

        // Past the first-touch deadline and both levels: the sweep runs every second and finds nothing to escalate.
        var deadline = DateTimeOffset.Parse(synced.GetProperty("slaDueAt").GetString()!, CultureInfo.InvariantCulture);
        var wait = deadline + TimeSpan.FromSeconds(4) - DateTimeOffset.UtcNow;
        await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(4));
        var after = (await LeadApi.GetLeadAsync(fixture.Client, fixture.Host, leadId))!.Value;
        Assert.Equal("Contacted", LeadApi.Status(after));
        Assert.Equal(0, after.GetProperty("escalationLevel").GetInt32());
        Assert.DoesNotContain("sla.escalated", LeadApi.Events(after));
        Assert.DoesNotContain(fixture.Escalations.Received, r => r.Body.Contains(leadId, StringComparison.Ordinal));
    }
}
