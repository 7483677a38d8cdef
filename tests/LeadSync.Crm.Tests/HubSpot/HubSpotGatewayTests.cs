using LeadSync.Testing.Crm;
using System.Diagnostics;
using LeadSync.Core.Crm;
using LeadSync.Crm.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Crm.Tests.HubSpot;

public sealed class HubSpotGatewayTests : IAsyncLifetime
{
    private HubSpotSimulator _stub = null!;

    public async Task InitializeAsync() => _stub = await HubSpotSimulator.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private static string Sample(string name) => Fixture.Read(name);

    private ServiceProvider Services(Action<Dictionary<string, string?>>? tweak = null)
    {
        var settings = CrmServices.FastResilience("LeadSync:Crm:HubSpot");
        settings["LeadSync:Crm:Provider"] = "hubspot";
        settings["LeadSync:Crm:HubSpot:BaseUrl"] = _stub.BaseUri.ToString();
        settings["LeadSync:Crm:HubSpot:AccessToken"] = "pat-test";
        tweak?.Invoke(settings);
        return CrmServices.Build(settings);
    }

    [Fact]
    public async Task Upsert_sets_the_lead_status_and_reads_the_owner_back()
    {
        await using var sp = Services();
        var lead = new LeadBuilder().Build();

        var result = (await sp.Gateway().UpsertAsync([lead], default)).Single();

        Assert.True(result.Outcome.Succeeded, result.Outcome.Reason);
        var contact = _stub.Contacts[lead.Contact.Email!];
        Assert.Equal(contact.Id, result.CrmId);
        Assert.Equal(HubSpotSimulator.OwnerId, result.Owner);
        Assert.Equal("NEW", contact.Properties["hs_lead_status"]);
        Assert.Equal("Mathematician", contact.Properties["jobtitle"]);
    }

    [Fact]
    public async Task A_backlog_is_sent_in_batches_of_100_with_duplicate_emails_collapsed()
    {
        await using var sp = Services();
        var leads = LeadBuilder.Many(250);
        var twin = new LeadBuilder().WithContact(c => c with { Email = leads[0].Contact.Email!.ToUpperInvariant() }).Build();

        var results = await sp.Gateway().UpsertAsync([.. leads, twin], default);

        Assert.All(results, r => Assert.True(r.Outcome.Succeeded, r.Outcome.Reason));
        Assert.Equal([100, 100, 50], _stub.BatchSizes);
        Assert.Equal(results[0].CrmId, results[^1].CrmId);
        Assert.Equal(250, _stub.Contacts.Count);
    }

    [Fact]
    public async Task The_gateway_says_it_cannot_call_without_waiting_once_the_limiter_has_no_permit_left()
    {
        await using var sp = Services(s =>
        {
            s["LeadSync:Crm:HubSpot:Resilience:RateLimitPermits"] = "2";
            s["LeadSync:Crm:HubSpot:Resilience:RateLimitWindow"] = "00:01:00";
            s["LeadSync:Crm:HubSpot:KeepWorkedStatus"] = "false"; // one call per upsert: no status read first
        });
        var gateway = sp.Gateway();
        Assert.True(gateway.CanCallWithoutWaiting);

        await gateway.UpsertAsync([new LeadBuilder().Build()], default);
        Assert.True(gateway.CanCallWithoutWaiting);
        await gateway.UpsertAsync([new LeadBuilder().Build()], default);

        Assert.False(gateway.CanCallWithoutWaiting);
        Assert.False(sp.Gateway().CanCallWithoutWaiting);
    }

    [Fact]
    public async Task A_207_fails_only_the_invalid_record()
    {
        await using var sp = Services();
        var leads = LeadBuilder.Many(3);
        leads[1] = leads[1] with { Contact = leads[1].Contact with { Email = "not-an-address" } };

        var results = await sp.Gateway().UpsertAsync(leads, default);

        Assert.True(results[0].Outcome.Succeeded);
        Assert.Equal(CrmOutcomeKind.Permanent, results[1].Outcome.Kind);
        Assert.Contains("VALIDATION_ERROR", results[1].Outcome.Reason, StringComparison.Ordinal);
        Assert.True(results[2].Outcome.Succeeded);
    }

    [Fact]
    public async Task A_lead_without_email_is_permanent_and_never_sent()
    {
        await using var sp = Services();

        var result = (await sp.Gateway().UpsertAsync([new LeadBuilder().WithContact(c => c with { Email = null }).Build()], default)).Single();

        Assert.Equal(CrmOutcomeKind.Permanent, result.Outcome.Kind);
        Assert.Equal(0, _stub.Requests);
    }

    [Fact]
    public async Task Ten_secondly_429s_are_retried_with_back_off()
    {
        await using var sp = Services();
        _stub.Faults.FailNext(3, 429, Sample("hubspot-429-ten-secondly-rolling.json"));

        var result = (await sp.Gateway().UpsertAsync([new LeadBuilder().Build()], default)).Single();

        Assert.True(result.Outcome.Succeeded, result.Outcome.Reason);
        Assert.Equal(4, _stub.Requests);
    }

    [Fact]
    public async Task The_daily_limit_is_quota_exhausted_until_midnight_and_stops_further_calls()
    {
        await using var sp = Services(s => s["LeadSync:Crm:HubSpot:AccountTimeZone"] = "UTC");
        var daily = Sample("hubspot-429-ten-secondly-rolling.json").Replace("TEN_SECONDLY_ROLLING", "DAILY", StringComparison.Ordinal);
        _stub.Faults.FailNext(1, 429, daily);
        var gateway = sp.Gateway();

        var first = (await gateway.UpsertAsync([new LeadBuilder().Build()], default)).Single();
        var second = (await gateway.UpsertAsync([new LeadBuilder().Build()], default)).Single();

        Assert.Equal(CrmOutcomeKind.QuotaExhausted, first.Outcome.Kind);
        var untilMidnight = DateTimeOffset.UtcNow.Date.AddDays(1) - DateTimeOffset.UtcNow;
        Assert.InRange(first.Outcome.RetryAfter!.Value, untilMidnight - TimeSpan.FromMinutes(1), untilMidnight + TimeSpan.FromMinutes(1));
        Assert.Equal(CrmOutcomeKind.QuotaExhausted, second.Outcome.Kind);
        Assert.Equal(1, _stub.Requests);
    }

    [Fact]
    public async Task Locked_423_waits_at_least_two_seconds_before_retrying()
    {
        await using var sp = Services();
        _stub.Faults.FailNext(1, 423, """{"status":"error","message":"Locked","category":"LOCKED"}""");
        var watch = Stopwatch.StartNew();

        var result = (await sp.Gateway().UpsertAsync([new LeadBuilder().Build()], default)).Single();

        Assert.True(result.Outcome.Succeeded, result.Outcome.Reason);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(2), $"retried after {watch.Elapsed}");
        Assert.Equal(2, _stub.Requests);
    }

    [Fact]
    public async Task Migration_477_honours_Retry_After_seconds_inline_or_hands_a_long_wait_back()
    {
        await using var sp = Services();
        const string Body = """{"status":"error","message":"Portal is being migrated","category":"MIGRATION_IN_PROGRESS"}""";
        _stub.Faults.FailNext(1, 477, Body, ("Retry-After", "1"));
        var watch = Stopwatch.StartNew();
        var shortWait = (await sp.Gateway().UpsertAsync([new LeadBuilder().Build()], default)).Single();
        var shortElapsed = watch.Elapsed;
        _stub.Faults.FailNext(1, 477, Body, ("Retry-After", "3600"));

        var longWait = (await sp.Gateway().UpsertAsync([new LeadBuilder().Build()], default)).Single();

        Assert.True(shortWait.Outcome.Succeeded, shortWait.Outcome.Reason);
        Assert.True(shortElapsed >= TimeSpan.FromSeconds(1), $"retried after {shortElapsed}");
        Assert.Equal(CrmOutcomeKind.Transient, longWait.Outcome.Kind);
        Assert.Equal(TimeSpan.FromHours(1), longWait.Outcome.RetryAfter);
    }

    [Fact]
    public async Task A_429_storm_and_an_outage_still_end_with_every_contact_upserted_exactly_once()
    {
        await using var sp = Services(s =>
        {
            s["LeadSync:Crm:HubSpot:Resilience:BreakerMinimumThroughput"] = "5";
            s["LeadSync:Crm:HubSpot:Resilience:BreakerBreakDuration"] = "00:00:01";
        });
        var gateway = sp.Gateway();
        var leads = LeadBuilder.Many(230);
        _stub.Faults.Outage = true;

        var pending = await UpsertRounds.UntilAllUpsertedAsync(gateway, leads, async (round, left) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1.2));
            if (round == 1)
            {
                Assert.Equal(230, left.Count);
                _stub.Faults.Outage = false;
                _stub.Faults.FailNext(6, 429, Sample("hubspot-429-ten-secondly-rolling.json"));
                _stub.Faults.SlowNext(1, TimeSpan.FromSeconds(4));
                _stub.Faults.FailNext(2, 502, "");
            }
        });

        Assert.Empty(pending);
        Assert.Equal(230, _stub.Contacts.Count);
        Assert.All(_stub.Contacts.Values, c => Assert.Equal(1, c.Creates));
    }
}
