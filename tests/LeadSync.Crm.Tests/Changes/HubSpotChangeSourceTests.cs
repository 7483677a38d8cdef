using LeadSync.Core.Crm.Changes;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.HubSpot;
using LeadSync.Crm.Tests.Support;
using LeadSync.Infrastructure.Crm.Changes;
using LeadSync.Infrastructure.Crm.HubSpot;
using LeadSync.Testing.Crm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LeadSync.Crm.Tests.Changes;

/// <summary>
/// HubSpot app webhooks against the vendor fixture and its signature vector: v3 verified like intake (good, tampered,
/// stale, missing), events mapped, and their contact ids resolved with one batch read from the HubSpot simulator.
/// </summary>
public sealed class HubSpotChangeSourceTests : IAsyncLifetime
{
    private const string VectorFile = "hubspot-contact-propertychange-batch-signatures.txt";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(ChangeRequests.VectorValue(VectorFile, "X-HubSpot-Request-Timestamp"), System.Globalization.CultureInfo.InvariantCulture)));
    private HubSpotSimulator _stub = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _stub = await HubSpotSimulator.StartAsync();
        var settings = CrmServices.FastResilience("LeadSync:Crm:HubSpot");
        settings["LeadSync:Crm:Provider"] = "hubspot";
        settings["LeadSync:Crm:HubSpot:BaseUrl"] = _stub.BaseUri.ToString();
        settings["LeadSync:Crm:HubSpot:AccessToken"] = "pat-test";
        _services = CrmServices.Build(settings);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _stub.DisposeAsync();
    }

    private HubSpotChangeSource Source(string secret = "fake-client-secret-0000") => new(
        _services.GetRequiredService<IHubSpotApi>(),
        new HubSpotSignature(_time),
        _services.GetRequiredService<IOptionsMonitor<HubSpotOptions>>(),
        new StaticOptionsMonitor<CrmChangeOptions>(new CrmChangeOptions { HubSpot = { ClientSecret = secret } }));

    private static InboundWebhook Signed(string? body = null, string? signature = null, string? timestamp = null) =>
        ChangeRequests.Request(body ?? ChangeRequests.VectorValue(VectorFile, "rawBody"), ChangeRequests.VectorValue(VectorFile, "requestUri"), "application/json",
            new Dictionary<string, string>
            {
                [HubSpotSignature.V3Header] = signature ?? ChangeRequests.VectorValue(VectorFile, "expected X-HubSpot-Signature-v3"),
                [HubSpotSignature.TimestampHeader] = timestamp ?? ChangeRequests.VectorValue(VectorFile, "X-HubSpot-Request-Timestamp"),
            });

    private async Task SeedContact1001Async()
    {
        // The simulator numbers contacts from 1001: the fixture's objectId.
        var gateway = _services.GetRequiredService<LeadSync.Core.Crm.ICrmGateway>();
        var lead = new LeadBuilder().WithContact(c => c with { Email = "jane.doe@example.com" }).Build();
        var result = (await gateway.UpsertAsync([lead], default)).Single();
        Assert.Equal("1001", result.CrmId);
    }

    [Fact]
    public async Task The_vendor_batch_verifies_and_maps_to_an_owner_change_and_an_attempt_resolved_with_one_batch_read()
    {
        await SeedContact1001Async();
        var readsBefore = _stub.Reads.Count; // the seeding upsert reads the contact's status first (never backwards)

        var read = await Source().ReadAsync(Signed(), null, default);

        Assert.Null(read.Rejection);
        Assert.Collection(read.Changes,
            owner =>
            {
                Assert.Equal(CrmChangeKind.OwnerChanged, owner.Kind);
                Assert.Equal("9000001", owner.Owner);
                Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767225600000), owner.OccurredAt);
            },
            attempt =>
            {
                Assert.Equal(CrmChangeKind.Attempt, attempt.Kind);
                Assert.Equal("1001", attempt.RecordId);
                Assert.Equal("jane.doe@example.com", attempt.Email);
                Assert.Equal("1234567|contact.propertyChange|1001|hs_lead_status|1767226500000", attempt.EventKey);
            });
        Assert.Equal(["1001"], Assert.Single(_stub.Reads.Skip(readsBefore)));
    }

    [Fact]
    public async Task A_tampered_body_a_wrong_secret_a_stale_timestamp_and_a_missing_header_are_refused_before_any_read()
    {
        var tampered = await Source().ReadAsync(Signed(body: ChangeRequests.VectorValue(VectorFile, "rawBody").Replace("ATTEMPTED_TO_CONTACT", "CONNECTED", StringComparison.Ordinal)), null, default);
        var wrongSecret = await Source("another-secret").ReadAsync(Signed(), null, default);
        _time.Advance(TimeSpan.FromMinutes(6));
        var stale = await Source().ReadAsync(Signed(), null, default);
        var missing = await Source().ReadAsync(Signed(signature: ""), null, default);

        Assert.All([tampered, wrongSecret, stale, missing], r => Assert.Equal(RejectionKind.Unauthenticated, r.Rejection?.Kind));
        Assert.Contains("Mismatch", tampered.Rejection!.Detail, StringComparison.Ordinal);
        Assert.Contains("Stale", stale.Rejection!.Detail, StringComparison.Ordinal);
        Assert.Contains("Missing", missing.Rejection!.Detail, StringComparison.Ordinal);
        Assert.Empty(_stub.Reads);
    }

    [Fact]
    public async Task Each_subscribed_event_maps_and_what_cannot_be_mapped_is_marked_for_the_admin_without_a_read()
    {
        const string body = """
            [{"objectId":5,"propertyName":"hs_lead_status","propertyValue":"UNQUALIFIED","eventId":1,"subscriptionId":1,"portalId":1,"appId":1,"occurredAt":1767225600000,"subscriptionType":"contact.propertyChange","attemptNumber":0},
             {"objectId":5,"propertyName":"hs_lead_status","propertyValue":"NEW","eventId":2,"subscriptionId":1,"portalId":1,"appId":1,"occurredAt":1767225600001,"subscriptionType":"contact.propertyChange","attemptNumber":0},
             {"objectId":5,"propertyName":"hs_lead_status","propertyValue":"SOMETHING_CUSTOM","eventId":3,"subscriptionId":1,"portalId":1,"appId":1,"occurredAt":1767225600002,"subscriptionType":"contact.propertyChange","attemptNumber":0},
             {"objectId":5,"propertyName":"lifecyclestage","propertyValue":"customer","eventId":4,"subscriptionId":2,"portalId":1,"appId":1,"occurredAt":1767225600003,"subscriptionType":"contact.propertyChange","attemptNumber":0},
             {"objectId":5,"propertyName":"notes_last_contacted","propertyValue":"1767225600000","eventId":5,"subscriptionId":3,"portalId":1,"appId":1,"occurredAt":1767225600004,"subscriptionType":"contact.propertyChange","attemptNumber":0},
             {"objectId":5,"propertyName":"hs_lead_status","propertyValue":"BAD_TIMING","eventId":6,"subscriptionId":1,"portalId":1,"appId":1,"occurredAt":1767225600005,"subscriptionType":"contact.propertyChange","attemptNumber":0},
             {"objectId":6,"eventId":7,"subscriptionId":4,"portalId":1,"appId":1,"occurredAt":1767225600006,"subscriptionType":"contact.deletion","attemptNumber":0},
             {"objectId":7,"primaryObjectId":5,"mergedObjectIds":[7],"newObjectId":5,"numberOfPropertiesMoved":3,"eventId":8,"subscriptionId":5,"portalId":1,"appId":1,"occurredAt":1767225600007,"subscriptionType":"contact.merge","attemptNumber":0}]
            """;
        var uri = "https://leadsync.example.com/api/crm-changes/hubspot";
        var timestamp = _time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = HubSpotSignature.SignV3("fake-client-secret-0000", "POST", uri, System.Text.Encoding.UTF8.GetBytes(body), timestamp);

        var read = await Source().ReadAsync(ChangeRequests.Request(body, uri, "application/json",
            new Dictionary<string, string> { [HubSpotSignature.V3Header] = signature, [HubSpotSignature.TimestampHeader] = timestamp }), null, default);

        Assert.Null(read.Rejection);
        Assert.Equal(
            [CrmChangeKind.Disqualified, CrmChangeKind.Ignored, CrmChangeKind.Unmapped, CrmChangeKind.Converted, CrmChangeKind.Contacted, CrmChangeKind.Nurture, CrmChangeKind.Unmapped, CrmChangeKind.Merged],
            read.Changes.Select(c => c.Kind));
        Assert.Equal("5", read.Changes[^1].RecordId);
        Assert.Equal(["5"], Assert.Single(_stub.Reads));
    }

    [Fact]
    public async Task A_body_that_is_not_an_event_array_is_malformed()
    {
        const string body = """{"objectId":1}""";
        var uri = "https://leadsync.example.com/api/crm-changes/hubspot";
        var timestamp = _time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = HubSpotSignature.SignV3("fake-client-secret-0000", "POST", uri, System.Text.Encoding.UTF8.GetBytes(body), timestamp);

        var read = await Source().ReadAsync(ChangeRequests.Request(body, uri, "application/json",
            new Dictionary<string, string> { [HubSpotSignature.V3Header] = signature, [HubSpotSignature.TimestampHeader] = timestamp }), null, default);

        Assert.Equal(RejectionKind.Malformed, read.Rejection?.Kind);
    }
}
