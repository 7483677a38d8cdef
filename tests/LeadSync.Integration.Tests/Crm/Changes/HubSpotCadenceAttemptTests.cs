using System.Globalization;
using System.Text;
using LeadSync.Core.Intake.HubSpot;
using LeadSync.Core.Jobs;
using LeadSync.Core.Leads;
using LeadSync.Core.Notifications;
using LeadSync.Core.Sla.Cadence;
using LeadSync.Core.Storage;
using LeadSync.Testing;
using LeadSync.Testing.Crm;

namespace LeadSync.Integration.Tests.Crm.Changes;

/// <summary>
/// Native HubSpot change events as cadence attempts, with the HubSpot stub as the CRM and the SLA sweep reading its
/// engagements: a call reported both as a status change and as a new last-contacted date is one attempt, and it meets
/// the first checkpoint although the engagement read has not caught up; the engagements then count for the next one.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HubSpotCadenceAttemptTests(AzuriteFixture azurite) : IAsyncLifetime
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
            ["LeadSync:Sla:FirstTouch"] = "01:00:00",
            ["LeadSync:Sla:Policies:0:Name"] = "cadenced",
            ["LeadSync:Sla:Policies:0:Cadence:0:Attempts"] = "1",
            ["LeadSync:Sla:Policies:0:Cadence:0:By"] = "00:30:00",
            ["LeadSync:Sla:Policies:0:Cadence:1:Attempts"] = "3",
            ["LeadSync:Sla:Policies:0:Cadence:1:By"] = "04:00:00",
        });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _stub.DisposeAsync();
    }

    private static string Event(string objectId, string property, string value, DateTimeOffset at, long eventId) =>
        $$"""{"objectId":{{objectId}},"propertyName":"{{property}}","propertyValue":"{{value}}","changeSource":"CRM_UI","eventId":{{eventId}},"subscriptionId":100,"portalId":1234567,"appId":7654321,"occurredAt":{{at.ToUnixTimeMilliseconds()}},"subscriptionType":"contact.propertyChange","attemptNumber":0}""";

    private Task<(int Status, string? ContentType, string Body)> PostAsync(string body)
    {
        var timestamp = _services.Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var signature = HubSpotSignature.SignV3(Secret, "POST", ChangeRequest.Uri(Path), Encoding.UTF8.GetBytes(body), timestamp);
        return ChangeRequest.PostAsync(_services, Path, "application/json", body, (e, r) => e.HubSpotAsync(r, CancellationToken.None),
            new Dictionary<string, string> { [HubSpotSignature.V3Header] = signature, [HubSpotSignature.TimestampHeader] = timestamp });
    }

    [Fact]
    public async Task A_native_attempt_meets_a_checkpoint_once_and_engagements_count_for_the_next()
    {
        var id = await Pipeline.IntakeAsync(_services, "cadence.hubspot@example.com");
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        var lead = (await Store.GetAsync(id, CancellationToken.None))!;
        var callAt = _services.Time.GetUtcNow().AddMinutes(5);
        _services.Time.Advance(TimeSpan.FromMinutes(6));

        // One call, two events: the status change and the last-contacted date 20 s later.
        var first = await PostAsync($"[{Event(lead.CrmId!, "hs_lead_status", "ATTEMPTED_TO_CONTACT", callAt, 1)}]");
        var second = await PostAsync($"[{Event(lead.CrmId!, "notes_last_contacted", callAt.AddSeconds(20).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), callAt.AddSeconds(20), 2)}]");
        Assert.Equal((200, 200), (first.Status, second.Status));

        var recorded = (await Store.GetAsync(id, CancellationToken.None))!;
        Assert.Single(NativeAttempts.Parse(recorded.NativeAttempts));
        Assert.Single(await Store.GetTimelineAsync(id, CancellationToken.None), e => e.Event == LeadEvents.CadenceAttempt);

        // Checkpoint 1: met by the native attempt, although HubSpot lists no engagement yet.
        _services.Time.Advance(TimeSpan.FromMinutes(25));
        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);
        Assert.Empty(await Pipeline.DrainAsync(_services, QueueNames.Notifications));
        Assert.Equal("M", (await Store.GetAsync(id, CancellationToken.None))!.CadenceOutcomes);
        Assert.Contains(_stub.AssociationReads, r => r.Type == "calls");

        // Checkpoint 2: the call plus two more logged in HubSpot make three; the larger source counts, not the sum.
        _stub.AddEngagement("cadence.hubspot@example.com", "calls", callAt);
        _stub.AddEngagement("cadence.hubspot@example.com", "calls", callAt.AddHours(1));
        _stub.AddEngagement("cadence.hubspot@example.com", "meetings", callAt.AddHours(2));
        _services.Time.Advance(TimeSpan.FromHours(4));
        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);
        await Pipeline.DrainAsync(_services, QueueNames.Notifications);

        var stored = (await Store.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(("MM", 3), (stored.CadenceOutcomes, stored.ContactAttempts));
        Assert.Null(await _services.Get<INoticeStore>().GetAsync(id, EscalationNotice.CadenceLevelBase + 1, CancellationToken.None));
    }
}
