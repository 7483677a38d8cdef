using System.Globalization;
using System.Text;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Quarantine;
using LeadSync.Core.Intake.Signatures;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Intake;

[Collection(AzuriteCollection.Name)]
public sealed class QuarantineTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<IntakeResult> SendAsync(string json, string id, string? padding = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var ts = _services.Time.GetUtcNow().ToUnixTimeSeconds();
        return await _services.Get<WebhookIntake>().AcceptAsync(new InboundWebhook
        {
            Source = "generic",
            Method = "POST",
            RequestUri = new Uri("http://localhost/api/webhooks/generic"),
            ContentType = "application/json",
            Body = body,
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["webhook-id"] = id,
                ["webhook-timestamp"] = ts.ToString(CultureInfo.InvariantCulture),
                ["webhook-signature"] = StandardWebhookVerifier.Sign(TestServices.GenericSecret, id, ts, body),
                ["x-padding"] = padding ?? string.Empty,
            },
        }, CancellationToken.None);
    }

    [Fact]
    public async Task A_delivery_with_headers_that_json_escapes_past_64_KB_is_still_quarantined_whole()
    {
        // R5 found this answered 500: the headers were one string property, and 18 KB of quotes escape to 108 KB.
        var padding = new string('"', 30_000);

        var result = await SendAsync("""{"type":"lead.created","data":{"firstName":"Nobody"}}""", "msg_q_pad", padding);

        var id = Assert.Single(result.Rejection!.Errors!["quarantineId"]);
        var stored = await _services.Get<IQuarantineStore>().GetAsync(id, CancellationToken.None);
        Assert.Equal(padding, stored!.Headers["x-padding"]);
        Assert.Equal("msg_q_pad", stored.Headers["webhook-id"]);
    }

    [Fact]
    public async Task An_unusable_delivery_is_kept_with_its_reason_and_headers_and_a_replay_that_still_fails_says_why()
    {
        var result = await SendAsync("""{"type":"lead.created","data":{"firstName":"Nobody"}}""", "msg_q1");
        var id = Assert.Single(result.Rejection!.Errors!["quarantineId"]);

        var listed = Assert.Single(await _services.Get<IQuarantineStore>().ListAsync(10, CancellationToken.None));
        Assert.Equal(id, listed.Id);
        Assert.Equal("msg_q1", listed.Headers["webhook-id"]);
        Assert.Contains("Nobody", Encoding.UTF8.GetString(listed.Body), StringComparison.Ordinal);

        var replay = await _services.Get<QuarantineReplay>().ReplayAsync(id, CancellationToken.None);
        Assert.Equal(QuarantineReplayStatus.StillRejected, replay.Status);
        Assert.Null((await _services.Get<IQuarantineStore>().GetAsync(id, CancellationToken.None))!.ReplayedAt);
    }

    [Fact]
    public async Task A_delivery_the_current_mapping_accepts_replays_into_one_lead_even_when_replayed_twice()
    {
        var item = new QuarantineItem
        {
            Id = $"q_{_services.Time.GetUtcNow().UtcTicks:D19}_{Guid.NewGuid():N}"[..32],
            Source = "generic",
            ReceivedAt = _services.Time.GetUtcNow().AddHours(-3),
            Reason = "field mapping was wrong",
            RequestUri = new Uri("http://localhost/api/webhooks/generic"),
            ContentType = "application/json",
            Body = Encoding.UTF8.GetBytes("""{"type":"lead.created","data":{"email":"fixed@example.com"}}"""),
            Headers = new Dictionary<string, string> { ["webhook-id"] = "msg_fixed" },
        };
        await _services.Get<IQuarantineStore>().AddAsync(item, CancellationToken.None);

        var first = await _services.Get<QuarantineReplay>().ReplayAsync(item.Id, CancellationToken.None);
        var second = await _services.Get<QuarantineReplay>().ReplayAsync(item.Id, CancellationToken.None);

        Assert.Equal(QuarantineReplayStatus.Replayed, first.Status);
        var leadId = Assert.Single(first.Item!.LeadIds);
        Assert.Equal(LeadIdFactory.FromDelivery("generic", "msg_fixed"), leadId);
        Assert.True(Assert.Single(second.Intake!.Leads).Duplicate);
        Assert.Equal(LeadStatus.SalesReady, (await _services.Get<ILeadStore>().GetAsync(leadId, CancellationToken.None))!.Status);
        Assert.NotNull((await _services.Get<IQuarantineStore>().GetAsync(item.Id, CancellationToken.None))!.ReplayedAt);
    }

    [Fact]
    public async Task A_large_payload_survives_the_quarantine_round_trip_byte_for_byte()
    {
        var filler = new string('é', 90_000);
        var result = await SendAsync($$$"""{"data":{"firstName":"{{{filler}}}"}}""", "msg_big");
        var id = result.Rejection!.Errors!["quarantineId"][0];

        var stored = await _services.Get<IQuarantineStore>().GetAsync(id, CancellationToken.None);

        Assert.Equal(Encoding.UTF8.GetBytes($$$"""{"data":{"firstName":"{{{filler}}}"}}"""), stored!.Body);
    }
}
