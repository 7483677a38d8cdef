using System.Net.Http.Json;
using LeadSync.Core.Crm;
using LeadSync.Core.Intake.Erasure;
using LeadSync.Crm.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Crm.Tests.HubSpot;

/// <summary>
/// Contract tests against Prism serving HubSpot's contacts v3 OpenAPI spec: every request the adapter sends must pass
/// the spec's validation, and every response shape the spec allows must be read without error.
/// </summary>
public sealed class HubSpotContractTests(PrismFixture prism) : IClassFixture<PrismFixture>
{
    private readonly PrismProbe _probe = new();

    private ServiceProvider Services()
    {
        var settings = CrmServices.FastResilience("LeadSync:Crm:HubSpot");
        settings["LeadSync:Crm:Provider"] = "hubspot";
        settings["LeadSync:Crm:HubSpot:BaseUrl"] = prism.BaseUri.ToString();
        settings["LeadSync:Crm:HubSpot:AccessToken"] = "pat-na1-00000000-0000-0000-0000-000000000000";
        settings["LeadSync:Crm:HubSpot:Resilience:MaxRetryAttempts"] = "0";
        settings["LeadSync:Crm:HubSpot:Reassign:hot:Owners:0"] = "77001";
        settings["LeadSync:Crm:HubSpot:Reassign:hot:Owners:1"] = "77002";

        // Prism generates bodies from the schemas in Node; on a loaded runner that can take seconds.
        settings["LeadSync:Crm:HubSpot:Resilience:AttemptTimeout"] = "00:00:30";
        settings["LeadSync:Crm:HubSpot:Resilience:TotalTimeout"] = "00:01:00";
        return CrmServices.Build(settings, s => s.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => _probe)));
    }

    private void AssertSpecAccepted()
    {
        Assert.Empty(_probe.RequestViolations);
        Assert.DoesNotContain(500, _probe.Statuses);
    }

    [Fact]
    public async Task Batch_upsert_by_email_is_a_valid_request_and_its_200_is_read()
    {
        await using var sp = Services();
        var lead = new LeadBuilder().Build();

        var result = (await sp.Gateway().UpsertAsync([lead], default)).Single();

        // Prism generates random results (ids, e-mails, list length), so matching a result to the lead is the
        // stateful stub's job; here the request must pass the spec and the 200 body must deserialize.
        // Two calls, both checked against the spec: the status read before the upsert ("never backwards"), then the upsert.
        AssertSpecAccepted();
        Assert.Equal([200, 200], _probe.Statuses);
        Assert.True(result.Outcome.Succeeded || result.Outcome.Reason == "HubSpot did not report this contact in the batch result.", result.Outcome.Reason);
    }

    [Fact]
    public async Task Batch_upsert_207_multi_status_is_read_per_record()
    {
        await using var sp = Services();
        _probe.PreferCode = "207";
        var leads = LeadBuilder.Many(3);

        var results = await sp.Gateway().UpsertAsync(leads, default);

        AssertSpecAccepted();
        Assert.Equal(leads.Select(l => l.Id), results.Select(r => r.LeadId));
        Assert.All(results, r => Assert.DoesNotContain("Unreadable", r.Outcome.Reason ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Batch_read_for_touches_by_id_and_by_email_is_a_valid_request()
    {
        await using var sp = Services();
        var byId = new LeadBuilder().With(l => l with { CrmId = "512" }).Build();
        var byEmail = new LeadBuilder().Build();

        var touches = await sp.Gateway().GetTouchesAsync([byId, byEmail], default);

        AssertSpecAccepted();
        Assert.Equal([byId.Id, byEmail.Id], touches.Select(t => t.LeadId));
    }

    [Fact]
    public async Task Mark_recycled_by_id_and_by_email_is_a_valid_request()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();

        var byId = await gateway.MarkRecycledAsync(new LeadBuilder().With(l => l with { CrmId = "512" }).Build(), "no-progress", default);
        var byEmail = await gateway.MarkRecycledAsync(new LeadBuilder().Build(), "no-progress", default);

        AssertSpecAccepted();
        Assert.True(byId.Succeeded, byId.Reason);
        Assert.True(byEmail.Succeeded, byEmail.Reason);
    }

    [Fact]
    public async Task Reassign_by_id_and_by_email_is_a_valid_request_and_returns_an_owner_of_the_pool()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();

        var byId = await gateway.ReassignAsync(new LeadBuilder().With(l => l with { CrmId = "512" }).Build(), "hot", default);
        var byEmail = await gateway.ReassignAsync(new LeadBuilder().Build(), "hot", default);

        AssertSpecAccepted();
        Assert.Equal(2, _probe.Statuses.Count);
        Assert.True(byId.Outcome.Succeeded, byId.Outcome.Reason);
        Assert.True(byEmail.Outcome.Succeeded, byEmail.Outcome.Reason);
        Assert.Contains(byId.NewOwner, new[] { "77001", "77002" });
        Assert.Contains(byEmail.NewOwner, new[] { "77001", "77002" });
    }

    [Fact]
    public async Task Reassign_to_an_unmapped_pool_is_permanent_names_the_pool_and_calls_nothing()
    {
        await using var sp = Services();

        var result = await sp.Gateway().ReassignAsync(new LeadBuilder().Build(), "cold", default);

        Assert.Equal(CrmOutcomeKind.Permanent, result.Outcome.Kind);
        Assert.Contains("cold", result.Outcome.Reason ?? "", StringComparison.Ordinal);
        Assert.Null(result.NewOwner);
        Assert.Empty(_probe.Statuses);
    }

    [Fact]
    public async Task Gdpr_delete_by_id_and_by_email_is_a_valid_request_and_its_204_is_erased()
    {
        await using var sp = Services();

        var byId = await sp.Gateway().EraseAsync(new ErasureIdentity("ld_x", "ada@example.com", "5101"), default);
        var byEmail = await sp.Gateway().EraseAsync(new ErasureIdentity("ld_x", "ada@example.com", null), default);

        AssertSpecAccepted();
        Assert.Equal([204, 204], _probe.Statuses);
        Assert.Equal(ErasureStatus.Erased, byId.Status);
        Assert.Equal(ErasureStatus.Erased, byEmail.Status);
    }

    [Fact]
    public async Task Prism_rejects_a_batch_read_without_propertiesWithHistory_so_these_tests_bite()
    {
        using var client = new HttpClient { BaseAddress = prism.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/crm/v3/objects/contacts/batch/read")
        {
            Content = JsonContent.Create(new { inputs = new[] { new { id = "a@example.com" } }, properties = new[] { "email" }, idProperty = "email" }),
        };
        request.Headers.Authorization = new("Bearer", "pat");

        using var response = await client.SendAsync(request);

        Assert.False(response.IsSuccessStatusCode);
        Assert.Contains("propertiesWithHistory", string.Join(" ", response.Headers.GetValues("sl-violations")), StringComparison.Ordinal);
    }
}
