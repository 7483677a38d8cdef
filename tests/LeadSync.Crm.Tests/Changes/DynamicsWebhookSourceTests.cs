using Azure.Core;
using LeadSync.Core.Crm.Changes;
using LeadSync.Core.Intake;
using LeadSync.Crm.Tests.Dynamics;
using LeadSync.Crm.Tests.Support;
using LeadSync.Infrastructure.Crm;
using LeadSync.Infrastructure.Crm.Changes;
using LeadSync.Infrastructure.Crm.Dynamics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using LeadSync.Testing.Crm;

namespace LeadSync.Crm.Tests.Changes;

/// <summary>Dataverse webhooks from the vendor fixture: WebhookKey and HttpHeader auth, RemoteExecutionContext mapping.</summary>
public sealed class DynamicsWebhookSourceTests : IAsyncLifetime
{
    public const string Key = "dv-webhook-key-0123456789abcdefghijklmnop";
    private DynamicsSimulator _sim = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _sim = await DynamicsSimulator.StartAsync();
        var settings = CrmServices.FastResilience("LeadSync:Crm:Dynamics");
        settings["LeadSync:Crm:Provider"] = "dynamics";
        settings["LeadSync:Crm:Dynamics:OrganizationUrl"] = _sim.BaseUri.ToString();
        settings["LeadSync:Crm:Dynamics:TenantId"] = "00000000-0000-0000-0000-00000000cafe";
        settings["LeadSync:Crm:Dynamics:ClientId"] = "00000000-0000-0000-0000-0000000000a1";
        settings["LeadSync:Crm:Dynamics:ClientSecret"] = "secret";
        var credential = new FakeTokenCredential(_sim, TimeSpan.FromHours(1));
        _services = CrmServices.Build(settings, s => s.AddKeyedSingleton<TokenCredential>(CrmProvider.Dynamics, credential));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _sim.DisposeAsync();
    }

    private DynamicsWebhookSource Source(DynamicsWebhookAuth auth = DynamicsWebhookAuth.WebhookKey) => new(
        _services.GetRequiredService<IDynamicsApi>(),
        _services.GetRequiredService<IOptionsMonitor<DynamicsOptions>>(),
        new StaticOptionsMonitor<CrmChangeOptions>(new CrmChangeOptions { Dynamics = { Key = Key, Auth = auth } }));

    private static InboundWebhook Request(string fixture, string? code = Key, IDictionary<string, string>? headers = null, Func<string, string>? edit = null)
    {
        var body = ChangeRequests.Changes(fixture);
        return ChangeRequests.Request(edit is null ? body : edit(body),
            "https://leadsync.example.com/api/crm-changes/dynamics" + (code is null ? "" : "?code=" + Uri.EscapeDataString(code)), "application/json", headers);
    }

    [Fact]
    public async Task A_status_and_owner_update_maps_to_contacted_and_an_owner_change_found_by_the_post_image_key()
    {
        var read = await Source().ReadAsync(Request("dynamics-remote-execution-context-lead-status-owner.json", edit: b => b.Replace("LEADSYNC_ID_PLACEHOLDER", "ld_dv1", StringComparison.Ordinal)), null, default);

        Assert.Null(read.Rejection);
        Assert.Collection(read.Changes,
            status =>
            {
                Assert.Equal(CrmChangeKind.Contacted, status.Kind);
                Assert.Equal("00000000-0000-0000-0000-000000000015|00000000-0000-0000-0000-000000000001|Update|status", status.EventKey);
                Assert.Equal("ld_dv1", status.LeadId);
                Assert.Equal("jane.doe@example.com", status.Email);
                Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767229200000), status.OccurredAt);
            },
            owner =>
            {
                Assert.Equal(CrmChangeKind.OwnerChanged, owner.Kind);
                Assert.Equal("00000000-0000-0000-0000-000000000009", owner.Owner);
            });
        Assert.Equal(0, _sim.Requests);
    }

    [Fact]
    public async Task The_vendor_sample_changes_no_status_or_owner_and_is_ignored()
    {
        var read = await Source().ReadAsync(Request("dynamics-remote-execution-context-lead-update.json"), null, default);

        var change = Assert.Single(read.Changes);
        Assert.Equal(CrmChangeKind.Ignored, change.Kind);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767225600000), change.OccurredAt);
    }

    [Fact]
    public async Task A_wrong_missing_or_rotated_out_key_is_unauthenticated_in_both_auth_modes()
    {
        var wrong = await Source().ReadAsync(Request("dynamics-remote-execution-context-lead-update.json", code: Key + "x"), null, default);
        var missing = await Source().ReadAsync(Request("dynamics-remote-execution-context-lead-update.json", code: null), null, default);
        var rotated = await Source().ReadAsync(Request("dynamics-remote-execution-context-lead-update.json", code: "dv-webhook-key-previous-0000000000000000000"), null, default);
        var headerGood = await Source(DynamicsWebhookAuth.HttpHeader).ReadAsync(
            Request("dynamics-remote-execution-context-lead-update.json", code: null, headers: new Dictionary<string, string> { ["X-LeadSync-Key"] = Key }), null, default);
        var headerInQuery = await Source(DynamicsWebhookAuth.HttpHeader).ReadAsync(Request("dynamics-remote-execution-context-lead-update.json"), null, default);

        Assert.All([wrong, missing, rotated, headerInQuery], r => Assert.Equal(RejectionKind.Unauthenticated, r.Rejection?.Kind));
        Assert.Null(headerGood.Rejection);
    }

    [Fact]
    public async Task Without_a_post_image_the_lead_row_is_read_by_its_id_for_the_LeadSync_key()
    {
        var gateway = _services.GetRequiredService<LeadSync.Core.Crm.ICrmGateway>();
        var lead = new LeadBuilder().Build();
        var crmId = (await gateway.UpsertAsync([lead], default)).Single().CrmId!;
        var before = _sim.Requests;

        var read = await Source().ReadAsync(Request("dynamics-remote-execution-context-lead-status-owner.json", edit: b => b
            .Replace("00000000-0000-0000-0000-000000000001", crmId, StringComparison.Ordinal)
            .Replace("\"key\": \"new_leadsyncid\"", "\"key\": \"unrelated\"", StringComparison.Ordinal)
            .Replace("\"key\": \"emailaddress1\"", "\"key\": \"unrelated2\"", StringComparison.Ordinal)), null, default);

        Assert.All(read.Changes, c => Assert.Equal(lead.Id, c.LeadId));
        Assert.Equal(before + 1, _sim.Requests);
    }
}
