using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Crm.Changes;

/// <summary>
/// Dataverse webhooks (RemoteExecutionContext fixture) through the shared handler and real Azurite: WebhookKey auth,
/// contacted + owner applied once, redelivery, a late update, an unknown lead.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DynamicsChangeIntakeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Key = "dv-webhook-key-0123456789abcdefghijklmnop";
    private TestServices _services = null!;

    private ILeadStore Store => _services.Get<ILeadStore>();

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["LeadSync:Crm:Provider"] = "dynamics",
            ["LeadSync:Crm:Dynamics:OrganizationUrl"] = "https://example-org.crm.dynamics.com",
            ["LeadSync:Crm:Dynamics:TenantId"] = "00000000-0000-0000-0000-00000000cafe",
            ["LeadSync:Crm:Dynamics:ClientId"] = "00000000-0000-0000-0000-0000000000a1",
            ["LeadSync:Crm:Dynamics:ClientSecret"] = "secret",
            ["LeadSync:Crm:Changes:Dynamics:Key"] = Key,
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private Task<(int Status, string? ContentType, string Body)> PostAsync(string body, string code = Key) =>
        ChangeRequest.PostAsync(_services, "/api/crm-changes/dynamics?code=" + Uri.EscapeDataString(code), "application/json", body,
            (e, r) => e.DynamicsAsync(r, CancellationToken.None));

    private static string Update(string leadId, string operationId = "00000000-0000-0000-0000-000000000015", long modifiedMs = 1767229200000, string owner = "00000000-0000-0000-0000-000000000009") =>
        ChangeRequest.Fixture("dynamics-remote-execution-context-lead-status-owner.json")
            .Replace("LEADSYNC_ID_PLACEHOLDER", leadId, StringComparison.Ordinal)
            .Replace("\"OperationId\": \"00000000-0000-0000-0000-000000000015\"", $"\"OperationId\": \"{operationId}\"", StringComparison.Ordinal)
            .Replace("/Date(1767229200000)/", $"/Date({modifiedMs})/", StringComparison.Ordinal)
            .Replace("00000000-0000-0000-0000-000000000009", owner, StringComparison.Ordinal);

    [Fact]
    public async Task A_status_and_owner_update_makes_the_lead_contacted_with_the_new_owner_once()
    {
        var lead = await SyncedLeads.StoreAsync(_services, "jane.doe@example.com", "00000000-0000-0000-0000-000000000001");

        var first = await PostAsync(Update(lead.Id));
        var again = await PostAsync(Update(lead.Id));

        Assert.Equal(200, first.Status);
        Assert.Contains("\"Duplicate\"", again.Body, StringComparison.Ordinal);
        var stored = await Store.GetAsync(lead.Id, CancellationToken.None);
        Assert.Equal(LeadStatus.Contacted, stored!.Status);
        Assert.Equal("00000000-0000-0000-0000-000000000009", stored.Owner);
        var timeline = await Store.GetTimelineAsync(lead.Id, CancellationToken.None);
        Assert.Single(timeline, e => e.Event == LeadEvents.Contacted);
        Assert.Single(timeline, e => e.Event == LeadEvents.OwnerChanged);
    }

    [Fact]
    public async Task An_update_older_than_the_applied_one_is_stale()
    {
        var lead = await SyncedLeads.StoreAsync(_services, "jane.doe@example.com", "00000000-0000-0000-0000-000000000001");

        await PostAsync(Update(lead.Id, "00000000-0000-0000-0000-000000000021", 1767229200000, "00000000-0000-0000-0000-0000000000b2"));
        var late = await PostAsync(Update(lead.Id, "00000000-0000-0000-0000-000000000020", 1767229100000, "00000000-0000-0000-0000-0000000000b1"));

        Assert.Contains("\"Stale\"", late.Body, StringComparison.Ordinal);
        Assert.Equal("00000000-0000-0000-0000-0000000000b2", (await Store.GetAsync(lead.Id, CancellationToken.None))!.Owner);
    }

    [Fact]
    public async Task A_row_no_lead_matches_gets_202_and_a_wrong_key_gets_a_401_problem()
    {
        var unknown = await PostAsync(Update("ld_not_here").Replace("jane.doe@example.com", "nobody@example.com", StringComparison.Ordinal));
        var wrongKey = await PostAsync(Update("ld_not_here"), code: "dv-webhook-key-previous-0000000000000000000");

        Assert.Equal(202, unknown.Status);
        Assert.Equal(401, wrongKey.Status);
        Assert.Equal("application/problem+json", wrongKey.ContentType);
    }
}
