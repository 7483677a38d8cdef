using System.Diagnostics;
using Azure.Core;
using LeadSync.Core.Crm;
using LeadSync.Core.Leads;
using LeadSync.Crm.Tests.Support;
using LeadSync.Infrastructure.Crm;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using LeadSync.Testing.Crm;

namespace LeadSync.Crm.Tests.Dynamics;

public sealed class DynamicsGatewayTests(ITestOutputHelper output) : DynamicsSimulatorTest
{
    private ServiceProvider Services(Action<Dictionary<string, string?>>? tweak = null) => DynamicsServices(tweak);

    [Fact]
    public async Task Upsert_by_alternate_key_creates_the_lead_and_reads_id_and_owner_in_the_same_call()
    {
        await using var sp = Services();
        var lead = new LeadBuilder().Build();

        var result = (await sp.Gateway().UpsertAsync([lead], default)).Single();

        Assert.True(result.Outcome.Succeeded, result.Outcome.Reason);
        var row = Sim.Leads[lead.Id];
        Assert.Equal(row.Id.ToString("D"), result.CrmId);
        Assert.Equal(DynamicsSimulator.OwnerId.ToString("D"), result.Owner);
        Assert.Equal(lead.Contact.Email, row.Columns["emailaddress1"]);
        Assert.Equal("Analytical Engines", row.Columns["companyname"]);
        Assert.Equal("GB", row.Columns["address1_country"]);
        Assert.Equal(1, Sim.Requests);
        Assert.Equal([$"{Sim.BaseUri.GetLeftPart(UriPartial.Authority)}/.default"], Credential.Scopes);
    }

    [Fact]
    public async Task Upserting_again_updates_the_same_row()
    {
        await using var sp = Services();
        var lead = new LeadBuilder().Build();

        var first = (await sp.Gateway().UpsertAsync([lead], default)).Single();
        var second = (await sp.Gateway().UpsertAsync([lead], default)).Single();

        Assert.Equal(first.CrmId, second.CrmId);
        Assert.Equal(1, Sim.Leads[lead.Id].Creates);
        Assert.Equal(1, Sim.Leads[lead.Id].Updates);
    }

    [Fact]
    public async Task Create_only_mode_never_overwrites_and_treats_412_as_already_synced()
    {
        await using var sp = Services(s => s["LeadSync:Crm:Dynamics:WriteMode"] = "CreateOnly");
        var lead = new LeadBuilder().Build();

        var first = (await sp.Gateway().UpsertAsync([lead], default)).Single();
        var second = (await sp.Gateway().UpsertAsync([lead with { Contact = lead.Contact with { Title = "changed" } }], default)).Single();

        Assert.True(second.Outcome.Succeeded, second.Outcome.Reason);
        Assert.Equal(first.CrmId, second.CrmId);
        Assert.Equal(DynamicsSimulator.OwnerId.ToString("D"), second.Owner);
        Assert.Equal(0, Sim.Leads[lead.Id].Updates);
        Assert.Equal("Mathematician", Sim.Leads[lead.Id].Columns["jobtitle"]);
    }

    [Fact]
    public async Task Update_only_mode_reports_a_missing_row_as_permanent()
    {
        await using var sp = Services(s => s["LeadSync:Crm:Dynamics:WriteMode"] = "UpdateOnly");

        var result = (await sp.Gateway().UpsertAsync([new LeadBuilder().Build()], default)).Single();

        Assert.Equal(CrmOutcomeKind.Permanent, result.Outcome.Kind);
        Assert.Contains("404", result.Outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(Sim.Leads);
    }

    [Fact]
    public async Task A_key_that_is_not_an_alternate_key_is_permanent()
    {
        await using var sp = Services(s => s["LeadSync:Crm:Dynamics:AlternateKeyAttribute"] = "emailaddress1");

        var result = (await sp.Gateway().UpsertAsync([new LeadBuilder().Build()], default)).Single();

        Assert.Equal(CrmOutcomeKind.Permanent, result.Outcome.Kind);
        Assert.Contains("alternate key", result.Outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_protection_429_is_retried_after_the_Retry_After_seconds()
    {
        await using var sp = Services();
        const string Body = """{"error":{"code":"0x80072322","message":"Number of requests exceeded the limit of 6000 over time window of 300 seconds."}}""";
        Sim.Faults.FailNext(2, 429, Body, ("Retry-After", "1"));
        var watch = Stopwatch.StartNew();

        var result = (await sp.Gateway().UpsertAsync([new LeadBuilder().Build()], default)).Single();

        Assert.True(result.Outcome.Succeeded, result.Outcome.Reason);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.9), $"waited {watch.Elapsed}");
        Assert.Equal(3, Sim.Requests);
    }

    [Fact]
    public async Task A_long_Retry_After_is_not_waited_inline_but_returned_to_the_caller()
    {
        await using var sp = Services();
        Sim.Faults.FailNext(1, 429, """{"error":{"code":"0x80072326","message":"Number of concurrent requests exceeded the limit of 52."}}""", ("Retry-After", "120"));

        var result = (await sp.Gateway().UpsertAsync([new LeadBuilder().Build()], default)).Single();

        Assert.Equal(CrmOutcomeKind.Transient, result.Outcome.Kind);
        Assert.Equal(TimeSpan.FromSeconds(120), result.Outcome.RetryAfter);
        Assert.Equal(1, Sim.Requests);
    }

    [Fact]
    public async Task A_rejected_token_is_replaced_and_the_request_resent_once()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();
        await gateway.UpsertAsync([new LeadBuilder().Build()], default);

        Sim.RevokeAllTokens();
        var result = (await gateway.UpsertAsync([new LeadBuilder().Build()], default)).Single();

        Assert.True(result.Outcome.Succeeded, result.Outcome.Reason);
        Assert.Equal(2, Credential.Issued);
        Assert.Equal(1, Sim.Unauthorized);
    }

    [Fact]
    public async Task The_token_is_reused_until_it_nears_expiry()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();

        await gateway.UpsertAsync(LeadBuilder.Many(10), default);

        Assert.Equal(1, Credential.Issued);
    }

    [Fact]
    public async Task Touches_come_from_statecode_and_statuscode()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();
        var leads = LeadBuilder.Many(5);
        await gateway.UpsertAsync(leads, default);
        Sim.SetState(leads[1].Id, 0, 2);
        Sim.SetState(leads[2].Id, 1, 3);
        Sim.SetState(leads[3].Id, 2, 4);
        Sim.SetState(leads[4].Id, 2, 6);

        var touches = await gateway.GetTouchesAsync([.. leads, new LeadBuilder().Build()], default);

        Assert.Equal(
            [CrmLeadState.Untouched, CrmLeadState.Contacted, CrmLeadState.Converted, CrmLeadState.Disqualified, CrmLeadState.Nurture, CrmLeadState.Untouched],
            touches.Select(t => t.State));
        Assert.Equal(DynamicsSimulator.OwnerId.ToString("D"), touches[1].Owner);
    }

    [Fact]
    public async Task Mark_recycled_sets_statecode_with_its_statuscode_and_never_creates()
    {
        await using var sp = Services(s =>
        {
            s["LeadSync:Crm:Dynamics:RecycledStateCode"] = "0";
            s["LeadSync:Crm:Dynamics:RecycledStatusCode"] = "1";
        });
        var gateway = sp.Gateway();
        var lead = new LeadBuilder().Build();
        var synced = (await gateway.UpsertAsync([lead], default)).Single();
        Sim.SetState(lead.Id, 0, 2);

        var byId = await gateway.MarkRecycledAsync(lead with { CrmId = synced.CrmId }, "no-progress", default);
        var unknown = await gateway.MarkRecycledAsync(new LeadBuilder().Build(), "no-progress", default);

        Assert.True(byId.Succeeded, byId.Reason);
        Assert.Equal((0, 1), (Sim.Leads[lead.Id].StateCode, Sim.Leads[lead.Id].StatusCode));
        Assert.Equal(CrmOutcomeKind.Permanent, unknown.Kind);
        Assert.Single(Sim.Leads);
    }

    [Fact]
    public async Task The_client_rate_limiter_drains_a_backlog_at_the_quota_without_429s()
    {
        Sim.RequestLimit = 20;
        Sim.LimitWindow = TimeSpan.FromSeconds(2);
        await using var sp = Services(s =>
        {
            // 20 % headroom under the vendor's 20 / 2 s: the limiter paces sends, the server counts arrivals, and on a
            // busy two-core runner arrival jitter (~150 ms measured) exceeds the limiter's own 5 % margin.
            s["LeadSync:Crm:Dynamics:Resilience:RateLimitPermits"] = "16";
            s["LeadSync:Crm:Dynamics:Resilience:RateLimitWindow"] = "00:00:02";
            s["LeadSync:Crm:Dynamics:Resilience:TotalTimeout"] = "00:00:30";
        });
        var gateway = sp.Gateway();

        // Warm up first: a cold client's first request reaches the server long after it took its permit, which
        // shifts its window and says nothing about steady-state pacing.
        await gateway.UpsertAsync([new LeadBuilder().Build()], default);
        await Task.Delay(Sim.LimitWindow + TimeSpan.FromMilliseconds(200));
        var leads = LeadBuilder.Many(54);
        var watch = Stopwatch.StartNew();

        var results = await gateway.UpsertAsync(leads, default);

        Assert.All(results, r => Assert.True(r.Outcome.Succeeded, r.Outcome.Reason));
        Assert.True(Sim.Throttled == 0, $"throttled {Sim.Throttled}, requests {Sim.Requests}, elapsed {watch.Elapsed}, log {string.Join(",", Sim.Arrivals.Select(a => (a - Sim.Arrivals[0]).TotalMilliseconds.ToString("F0")))}");
        Assert.Equal(55, Sim.Leads.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(4), $"drained in {watch.Elapsed}");
        output.WriteLine($"limiter on: 54 leads in {watch.Elapsed.TotalSeconds:F1} s, {Sim.Throttled} × 429");
    }

    [Fact]
    public async Task Without_the_client_limiter_the_same_backlog_meets_429s_and_still_converges()
    {
        Sim.RequestLimit = 20;
        Sim.LimitWindow = TimeSpan.FromSeconds(2);
        await using var sp = Services(s => s["LeadSync:Crm:Dynamics:Resilience:TotalTimeout"] = "00:00:30");
        var gateway = sp.Gateway();
        var leads = LeadBuilder.Many(54);
        var watch = Stopwatch.StartNew();

        var pending = await UpsertRounds.UntilAllUpsertedAsync(gateway, leads);

        Assert.Empty(pending);
        Assert.True(Sim.Throttled > 0);
        Assert.All(Sim.Leads.Values, l => Assert.Equal(1, l.Creates));
        output.WriteLine($"limiter off: 54 leads in {watch.Elapsed.TotalSeconds:F1} s, {Sim.Throttled} × 429");
    }

    [Fact]
    public async Task Outage_429s_and_revoked_tokens_still_end_with_every_lead_upserted_exactly_once()
    {
        await using var sp = Services(s =>
        {
            s["LeadSync:Crm:Dynamics:Resilience:BreakerMinimumThroughput"] = "10";
            s["LeadSync:Crm:Dynamics:Resilience:BreakerBreakDuration"] = "00:00:01";
        });
        var gateway = sp.Gateway();
        var leads = LeadBuilder.Many(40);
        Sim.Faults.Outage = true;

        var pending = await UpsertRounds.UntilAllUpsertedAsync(gateway, leads, async (round, left) =>
        {
            // The work queue's back-off between attempts; long enough for an open breaker to half-open.
            await Task.Delay(TimeSpan.FromSeconds(1.2));
            if (round == 1)
            {
                Assert.Equal(40, left.Count);
                Sim.Faults.Outage = false;
                Sim.RevokeAllTokens();
                Sim.Faults.FailNext(3, 429, """{"error":{"code":"0x80072322","message":"Number of requests exceeded the limit"}}""", ("Retry-After", "1"));
                Sim.Faults.FailNext(2, 502, "");
            }
        });

        Assert.Empty(pending);
        Assert.Equal(40, Sim.Leads.Count);
        Assert.All(Sim.Leads.Values, l => Assert.Equal(1, l.Creates));
    }
}
