using LeadSync.Core.Crm;
using LeadSync.Core.Leads;
using LeadSync.Crm.Tests.Support;
using LeadSync.Infrastructure.Crm;
using Microsoft.Extensions.DependencyInjection;
using LeadSync.Testing.Crm;

namespace LeadSync.Crm.Tests.Salesforce;

public sealed class SalesforceGatewayTests : IAsyncLifetime
{
    private SalesforceSimulator _sim = null!;

    public async Task InitializeAsync() => _sim = await SalesforceSimulator.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private ServiceProvider Services(Action<Dictionary<string, string?>>? tweak = null)
    {
        var settings = CrmServices.FastResilience("LeadSync:Crm:Salesforce");
        settings["LeadSync:Crm:Provider"] = "salesforce";
        settings["LeadSync:Crm:Salesforce:MyDomainUrl"] = _sim.BaseUri.ToString();
        settings["LeadSync:Crm:Salesforce:ClientId"] = SalesforceSimulator.ClientId;
        settings["LeadSync:Crm:Salesforce:ClientSecret"] = SalesforceSimulator.ClientSecret;
        tweak?.Invoke(settings);
        return CrmServices.Build(settings);
    }

    [Fact]
    public async Task Single_lead_is_created_by_external_id_with_owner_read_back()
    {
        await using var sp = Services();
        var lead = new LeadBuilder().Build();

        var result = (await sp.Gateway().UpsertAsync([lead], default)).Single();

        Assert.True(result.Outcome.Succeeded, result.Outcome.Reason);
        var stored = _sim.Leads[lead.Id];
        Assert.Equal(stored.Id, result.CrmId);
        Assert.Equal(SalesforceSimulator.OwnerId, result.Owner);
        Assert.Equal(lead.Contact.Email, stored.Fields["Email"]);
        Assert.Equal("Analytical Engines", stored.Fields["Company"]);
        Assert.Equal("generic", stored.Fields["LeadSource"]);
        Assert.Equal(1, _sim.TokensIssued);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Upserting_again_updates_the_same_lead_whether_Salesforce_answers_200_or_204(bool noContent)
    {
        await using var sp = Services();
        _sim.NoContentOnUpdate = noContent;
        var lead = new LeadBuilder().Build();

        var first = (await sp.Gateway().UpsertAsync([lead], default)).Single();
        var second = (await sp.Gateway().UpsertAsync([lead with { Contact = lead.Contact with { Title = "CTO" } }], default)).Single();

        Assert.True(second.Outcome.Succeeded, second.Outcome.Reason);
        Assert.Equal(first.CrmId, second.CrmId);
        Assert.Single(_sim.Leads);
        Assert.Equal(1, _sim.Leads[lead.Id].Updates);
        Assert.Equal("CTO", _sim.Leads[lead.Id].Fields["Title"]);
    }

    [Fact]
    public async Task Missing_last_name_and_company_get_the_placeholder_Salesforce_requires()
    {
        await using var sp = Services();
        var lead = new LeadBuilder().WithContact(c => c with { LastName = null, Company = null }).Build();

        var result = (await sp.Gateway().UpsertAsync([lead], default)).Single();

        Assert.True(result.Outcome.Succeeded, result.Outcome.Reason);
        Assert.Equal("[not provided]", _sim.Leads[lead.Id].Fields["LastName"]);
    }

    [Fact]
    public async Task A_backlog_goes_through_sObject_collections_in_chunks_of_200_with_per_record_results()
    {
        await using var sp = Services();
        var leads = LeadBuilder.Many(450);
        leads[7] = leads[7] with { Contact = leads[7].Contact with { Email = "not-an-address" } };

        var results = await sp.Gateway().UpsertAsync(leads, default);

        Assert.Equal(leads.Select(l => l.Id), results.Select(r => r.LeadId));
        Assert.Equal(CrmOutcomeKind.Permanent, results[7].Outcome.Kind);
        Assert.Contains("INVALID_EMAIL_ADDRESS", results[7].Outcome.Reason, StringComparison.Ordinal);
        Assert.All(results.Where((_, i) => i != 7), r => Assert.True(r.Outcome.Succeeded && r.CrmId is not null && r.Owner is not null));
        Assert.Equal(449, _sim.Leads.Count);

        // 3 collection calls (200 + 200 + 50) and one owner query per call (≤ 200 ids each): 6 of the org's API requests.
        Assert.Equal([200, 200, 50], _sim.BatchSizesSnapshot());
        Assert.Equal(3, _sim.SoqlCount);
        Assert.Equal(6, _sim.DataRequests);
    }

    [Fact]
    public async Task Several_matches_for_the_external_id_is_permanent_and_writes_nothing()
    {
        await using var sp = Services();
        var lead = new LeadBuilder().Build();
        _sim.Duplicated.Add(lead.Id);

        var result = (await sp.Gateway().UpsertAsync([lead], default)).Single();

        Assert.Equal(CrmOutcomeKind.Permanent, result.Outcome.Kind);
        Assert.Contains("300", result.Outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(_sim.Leads);
    }

    [Fact]
    public async Task An_unknown_external_id_field_is_permanent()
    {
        await using var sp = Services(s => s["LeadSync:Crm:Salesforce:ExternalIdField"] = "Missing__c");

        var result = (await sp.Gateway().UpsertAsync([new LeadBuilder().Build()], default)).Single();

        Assert.Equal(CrmOutcomeKind.Permanent, result.Outcome.Kind);
        Assert.Contains("NOT_FOUND", result.Outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_limit_exceeded_is_quota_exhausted_and_not_retried()
    {
        await using var sp = Services();
        _sim.ApiUsed = _sim.ApiMax;

        var result = (await sp.Gateway().UpsertAsync([new LeadBuilder().Build()], default)).Single();

        Assert.Equal(CrmOutcomeKind.QuotaExhausted, result.Outcome.Kind);
        Assert.Equal(TimeSpan.FromHours(1), result.Outcome.RetryAfter);
        Assert.Equal(1, _sim.DataRequests);
    }

    [Fact]
    public async Task Api_usage_at_the_ceiling_stops_calls_before_Salesforce_refuses_them()
    {
        await using var sp = Services();
        _sim.ApiMax = 100;
        _sim.ApiUsed = 94;
        var gateway = sp.Gateway();

        var first = (await gateway.UpsertAsync([new LeadBuilder().Build()], default)).Single();
        var requestsAfterFirst = _sim.DataRequests;
        var second = (await gateway.UpsertAsync([new LeadBuilder().Build()], default)).Single();

        Assert.True(first.Outcome.Succeeded);
        Assert.Equal(CrmOutcomeKind.QuotaExhausted, second.Outcome.Kind);
        Assert.Equal(requestsAfterFirst, _sim.DataRequests);
    }

    [Fact]
    public async Task An_expired_session_is_renewed_once_and_the_call_succeeds()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();
        await gateway.UpsertAsync([new LeadBuilder().Build()], default);

        _sim.ExpireAllSessions();
        var result = (await gateway.UpsertAsync([new LeadBuilder().Build()], default)).Single();

        Assert.True(result.Outcome.Succeeded, result.Outcome.Reason);
        Assert.Equal(2, _sim.TokensIssued);
        Assert.Equal(2, _sim.Leads.Count);
    }

    [Fact]
    public async Task The_token_is_cached_across_calls()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();

        for (var i = 0; i < 5; i++)
        {
            await gateway.UpsertAsync([new LeadBuilder().Build()], default);
        }

        Assert.Equal(1, _sim.TokensIssued);
    }

    [Fact]
    public async Task Wrong_client_secret_is_the_connections_failure_not_the_leads_with_the_oauth_error()
    {
        await using var sp = Services(s => s["LeadSync:Crm:Salesforce:ClientSecret"] = "wrong");

        var result = (await sp.Gateway().UpsertAsync([new LeadBuilder().Build()], default)).Single();

        // Issue 18: credentials are not the lead's fault; the lead waits (and the connection pauses) instead of being dead-lettered.
        Assert.Equal(CrmFailureClass.Transient, result.Outcome.Class);
        Assert.Contains("invalid_client", result.Outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(0, _sim.DataRequests);
    }

    [Fact]
    public async Task Touches_map_status_conversion_and_last_activity()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();
        var leads = LeadBuilder.Many(6);
        await gateway.UpsertAsync(leads, default);
        _sim.SetStatus(leads[0].Id, "Working - Contacted");
        _sim.SetStatus(leads[1].Id, "Closed - Converted", converted: true);
        _sim.SetStatus(leads[2].Id, "Closed - Not Converted");
        _sim.SetStatus(leads[3].Id, "Recycled");
        _sim.SetStatus(leads[4].Id, "Open - Not Contacted", lastActivity: new DateOnly(2026, 11, 20));
        var unknown = new LeadBuilder().Build();

        var touches = await gateway.GetTouchesAsync([.. leads, unknown], default);

        Assert.Equal(
            [CrmLeadState.Contacted, CrmLeadState.Converted, CrmLeadState.Disqualified, CrmLeadState.Nurture, CrmLeadState.Contacted, CrmLeadState.Untouched, CrmLeadState.Untouched],
            touches.Select(t => t.State));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), touches[4].FirstTouchAt);
        Assert.Equal(SalesforceSimulator.OwnerId, touches[0].Owner);
        Assert.Contains(_sim.Soql, q => q.Contains("Status, LastActivityDate, IsConverted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_touch_read_throws_instead_of_reporting_leads_untouched()
    {
        await using var sp = Services();
        _sim.Faults.Outage = true;

        await Assert.ThrowsAsync<CrmUnavailableException>(() => sp.Gateway().GetTouchesAsync([new LeadBuilder().Build()], default));
    }

    [Fact]
    public async Task Mark_recycled_sets_the_configured_status()
    {
        await using var sp = Services(s => s["LeadSync:Crm:Salesforce:RecycledStatus"] = "Nurture - Recycled");
        var gateway = sp.Gateway();
        var lead = new LeadBuilder().Build();
        var synced = (await gateway.UpsertAsync([lead], default)).Single();

        var outcome = await gateway.MarkRecycledAsync(lead with { CrmId = synced.CrmId, Status = LeadStatus.Recycled }, "no-progress", default);

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal("Nurture - Recycled", _sim.Leads[lead.Id].Fields["Status"]);
    }

    [Fact]
    public async Task Server_errors_and_lost_responses_are_retried_without_creating_twice()
    {
        await using var sp = Services();
        var lead = new LeadBuilder().Build();
        _sim.Faults.FailNext(2, 503, """[{"message":"try later","errorCode":"SERVER_UNAVAILABLE"}]""");
        _sim.Faults.SlowNext(1, TimeSpan.FromSeconds(4));

        var result = (await sp.Gateway().UpsertAsync([lead], default)).Single();

        Assert.True(result.Outcome.Succeeded, result.Outcome.Reason);
        Assert.Equal(1, _sim.Leads[lead.Id].Creates);
        Assert.Equal(1, _sim.Leads[lead.Id].Updates);
    }

    [Fact]
    public async Task Outage_then_recovery_ends_with_every_lead_upserted_exactly_once()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();
        var leads = LeadBuilder.Many(300);
        _sim.Faults.Outage = true;

        var pending = await UpsertRounds.UntilAllUpsertedAsync(gateway, leads, (round, left) =>
        {
            if (round == 1)
            {
                Assert.Equal(300, left.Count);
                _sim.Faults.Outage = false;
                _sim.ExpireAllSessions();
                _sim.Faults.FailNext(3, 500, """[{"message":"boom","errorCode":"UNKNOWN_EXCEPTION"}]""");
                _sim.Faults.SlowNext(1, TimeSpan.FromSeconds(4));
            }

            return Task.CompletedTask;
        });

        Assert.Empty(pending);
        Assert.Equal(300, _sim.Leads.Count);
        Assert.All(_sim.Leads.Values, l => Assert.Equal(1, l.Creates));
    }
}
