using System.Globalization;
using System.Text;
using LeadSync.Core.Intake.HubSpot;
using LeadSync.Core.Intake.Quarantine;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Testing;
using LeadSync.Testing.Crm;

namespace LeadSync.Integration.Tests.Crm.Changes;

/// <summary>
/// HubSpot property-change webhooks through the shared handler, real Azurite and the HubSpot simulator: a synced lead
/// becomes Contacted, redeliveries and late (older) events change nothing, unknown contacts get 202, unmappable events
/// are kept in the quarantine, and a bad signature is a 401 problem.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HubSpotChangeIntakeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "hubspot-app-client-secret-for-tests";
    private const string Path = "/api/crm-changes/hubspot";
    private HubSpotSimulator _stub = null!;
    private TestServices _services = null!;

    private ILeadStore Store => _services.Get<ILeadStore>();

    public async Task InitializeAsync()
    {
        _stub = await HubSpotSimulator.StartAsync();
        _services = TestServices.Create(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["LeadSync:Crm:Provider"] = "hubspot",
            ["LeadSync:Crm:BatchLinger"] = "00:00:00",
            ["LeadSync:Crm:HubSpot:BaseUrl"] = _stub.BaseUri.ToString(),
            ["LeadSync:Crm:HubSpot:AccessToken"] = "pat-test",
            ["LeadSync:Crm:HubSpot:Resilience:MaxRetryAttempts"] = "0",
            ["LeadSync:Crm:Changes:HubSpot:ClientSecret"] = Secret,
        });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _stub.DisposeAsync();
    }

    private async Task<Lead> SyncedLeadAsync(string email)
    {
        var id = await Pipeline.IntakeAsync(_services, email);
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        var lead = await Store.GetAsync(id, CancellationToken.None);
        Assert.Equal(LeadStatus.Synced, lead!.Status);
        Assert.NotNull(lead.CrmId);
        return lead;
    }

    private static string Event(string objectId, string property, string value, DateTimeOffset at, long eventId = 1) =>
        $$"""{"objectId":{{objectId}},"propertyName":"{{property}}","propertyValue":"{{value}}","changeSource":"CRM_UI","eventId":{{eventId}},"subscriptionId":100,"portalId":1234567,"appId":7654321,"occurredAt":{{at.ToUnixTimeMilliseconds()}},"subscriptionType":"contact.propertyChange","attemptNumber":0}""";

    private Task<(int Status, string? ContentType, string Body)> PostAsync(string body, string? secret = Secret, TimeSpan? skew = null)
    {
        var timestamp = (_services.Time.GetUtcNow() - (skew ?? TimeSpan.Zero)).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var signature = HubSpotSignature.SignV3(secret!, "POST", ChangeRequest.Uri(Path), Encoding.UTF8.GetBytes(body), timestamp);
        return ChangeRequest.PostAsync(_services, Path, "application/json", body, (e, r) => e.HubSpotAsync(r, CancellationToken.None),
            new Dictionary<string, string> { [HubSpotSignature.V3Header] = signature, [HubSpotSignature.TimestampHeader] = timestamp });
    }

    [Fact]
    public async Task An_attempted_to_contact_event_makes_the_synced_lead_contacted_and_its_redelivery_changes_nothing()
    {
        var lead = await SyncedLeadAsync("ada.hubspot@example.com");
        var body = $"[{Event(lead.CrmId!, "hs_lead_status", "ATTEMPTED_TO_CONTACT", _services.Time.GetUtcNow())}]";

        var first = await PostAsync(body);
        _services.Time.Advance(TimeSpan.FromMinutes(1));
        var again = await PostAsync(body);

        Assert.Equal(200, first.Status);
        Assert.Contains("\"Applied\"", first.Body, StringComparison.Ordinal);
        Assert.Equal(200, again.Status);
        Assert.Contains("\"Duplicate\"", again.Body, StringComparison.Ordinal);
        var stored = await Store.GetAsync(lead.Id, CancellationToken.None);
        Assert.Equal(LeadStatus.Contacted, stored!.Status);
        var timeline = await Store.GetTimelineAsync(lead.Id, CancellationToken.None);
        Assert.Single(timeline, e => e.Event == LeadEvents.Contacted);
    }

    [Fact]
    public async Task An_older_owner_change_arriving_after_a_newer_one_is_stale_and_the_newer_owner_stays()
    {
        var lead = await SyncedLeadAsync("ada.owner@example.com");
        var t0 = _services.Time.GetUtcNow();

        var newer = await PostAsync($"[{Event(lead.CrmId!, "hubspot_owner_id", "222", t0.AddMinutes(5), 2)}]");
        var older = await PostAsync($"[{Event(lead.CrmId!, "hubspot_owner_id", "111", t0.AddMinutes(1), 1)}]");

        Assert.Equal(200, newer.Status);
        Assert.Contains("\"Stale\"", older.Body, StringComparison.Ordinal);
        Assert.Equal("222", (await Store.GetAsync(lead.Id, CancellationToken.None))!.Owner);
        Assert.Single(await Store.GetTimelineAsync(lead.Id, CancellationToken.None), e => e.Event == LeadEvents.OwnerChanged);
    }

    [Fact]
    public async Task Events_of_one_batch_apply_in_vendor_time_order_whatever_their_order_in_the_array()
    {
        var lead = await SyncedLeadAsync("ada.batch@example.com");
        var t0 = _services.Time.GetUtcNow();

        var response = await PostAsync($"[{Event(lead.CrmId!, "hubspot_owner_id", "333", t0.AddMinutes(2), 2)},{Event(lead.CrmId!, "hubspot_owner_id", "444", t0.AddMinutes(1), 1)}]");

        Assert.Equal(200, response.Status);
        Assert.Equal("333", (await Store.GetAsync(lead.Id, CancellationToken.None))!.Owner);
    }

    [Fact]
    public async Task A_contact_no_lead_matches_gets_202_and_an_unmappable_value_is_kept_for_the_admin()
    {
        var lead = await SyncedLeadAsync("ada.unknown@example.com");
        var now = _services.Time.GetUtcNow();

        var unknown = await PostAsync($"[{Event("987654", "hs_lead_status", "CONNECTED", now)}]");
        var unmapped = await PostAsync($"[{Event(lead.CrmId!, "hs_lead_status", "SOMETHING_CUSTOM", now)}]");

        Assert.Equal(202, unknown.Status);
        Assert.Contains("\"UnknownLead\"", unknown.Body, StringComparison.Ordinal);
        Assert.Equal(200, unmapped.Status);
        Assert.Contains("\"Kept\"", unmapped.Body, StringComparison.Ordinal);
        var kept = Assert.Single(await _services.Get<IQuarantineStore>().ListAsync(10, CancellationToken.None), q => q.Source == "crm:hubspot");
        Assert.Contains("SOMETHING_CUSTOM", kept.Reason, StringComparison.Ordinal);
        Assert.Equal(LeadStatus.Synced, (await Store.GetAsync(lead.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_wrong_secret_or_a_stale_timestamp_is_a_401_problem_and_nothing_is_read_or_applied()
    {
        var lead = await SyncedLeadAsync("ada.badsig@example.com");
        var body = $"[{Event(lead.CrmId!, "hs_lead_status", "CONNECTED", _services.Time.GetUtcNow())}]";
        var readsBefore = _stub.Reads.Count;

        var wrong = await PostAsync(body, secret: "not-the-secret");
        var stale = await PostAsync(body, skew: TimeSpan.FromMinutes(6));

        Assert.All([wrong, stale], r =>
        {
            Assert.Equal(401, r.Status);
            Assert.Equal("application/problem+json", r.ContentType);
            Assert.Contains("/problems/unauthenticated", r.Body, StringComparison.Ordinal);
        });
        Assert.Equal(readsBefore, _stub.Reads.Count);
        Assert.Equal(LeadStatus.Synced, (await Store.GetAsync(lead.Id, CancellationToken.None))!.Status);
    }
}
