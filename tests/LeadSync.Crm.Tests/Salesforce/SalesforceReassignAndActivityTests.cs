using LeadSync.Core.Crm;
using LeadSync.Core.Leads;
using LeadSync.Crm.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using LeadSync.Testing.Crm;

namespace LeadSync.Crm.Tests.Salesforce;

public sealed class SalesforceReassignAndActivityTests : IAsyncLifetime
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
        settings["LeadSync:Crm:Salesforce:Reassign:hot:Queue"] = SalesforceSimulator.QueueId;
        for (var i = 0; i < SalesforceSimulator.Users.Length; i++)
        {
            settings[$"LeadSync:Crm:Salesforce:Reassign:warm:Owners:{i}"] = SalesforceSimulator.Users[i];
        }

        tweak?.Invoke(settings);
        return CrmServices.Build(settings);
    }

    private static async Task<Lead> SyncedAsync(ICrmGateway gateway, Lead lead)
    {
        var result = (await gateway.UpsertAsync([lead], default)).Single();
        Assert.True(result.Outcome.Succeeded, result.Outcome.Reason);
        return lead with { CrmId = result.CrmId, Owner = result.Owner, Status = LeadStatus.Synced, EscalationLevel = 2 };
    }

    [Fact]
    public async Task Reassign_to_a_queue_writes_OwnerId_by_external_id_and_returns_the_queue()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();
        var lead = await SyncedAsync(gateway, new LeadBuilder().Build());

        var result = await gateway.ReassignAsync(lead, "hot", default);

        Assert.True(result.Outcome.Succeeded, result.Outcome.Reason);
        Assert.Equal(SalesforceSimulator.QueueId, result.NewOwner);
        Assert.Equal(SalesforceSimulator.QueueId, _sim.Leads[lead.Id].OwnerId);
        Assert.Equal(1, _sim.Leads[lead.Id].Creates);
    }

    [Fact]
    public async Task Round_robin_picks_a_configured_user_other_than_the_current_owner_and_spreads_leads()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();
        var owners = new List<string>();
        foreach (var built in LeadBuilder.Many(30))
        {
            var lead = await SyncedAsync(gateway, built);
            var current = SalesforceSimulator.Users[0];
            _sim.Leads[lead.Id].OwnerId = current;

            var result = await gateway.ReassignAsync(lead with { Owner = current }, "WARM", default);

            Assert.True(result.Outcome.Succeeded, result.Outcome.Reason);
            Assert.Contains(result.NewOwner, SalesforceSimulator.Users);
            Assert.NotEqual(current, result.NewOwner);
            Assert.Equal(result.NewOwner, _sim.Leads[lead.Id].OwnerId);
            owners.Add(result.NewOwner!);
        }

        // Both other users get leads: the pick is spread by lead, not always the same person.
        Assert.Equal(2, owners.Distinct().Count());
    }

    [Fact]
    public async Task A_retried_reassignment_picks_the_same_user_and_a_lost_response_changes_nothing_twice()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();
        var lead = await SyncedAsync(gateway, new LeadBuilder().Build());
        _sim.Faults.SlowNext(1, TimeSpan.FromSeconds(4));

        var first = await gateway.ReassignAsync(lead, "warm", default);
        var again = await gateway.ReassignAsync(lead, "warm", default);

        Assert.True(first.Outcome.Succeeded, first.Outcome.Reason);
        Assert.Equal(first.NewOwner, again.NewOwner);
        Assert.Equal(1, _sim.Leads[lead.Id].OwnerChanges);
        Assert.Single(_sim.Leads);
    }

    [Fact]
    public async Task An_unmapped_pool_is_permanent_names_the_pool_and_calls_nothing()
    {
        await using var sp = Services();
        var lead = new LeadBuilder().Build();

        var result = await sp.Gateway().ReassignAsync(lead, "cold", default);

        Assert.Equal(CrmOutcomeKind.Permanent, result.Outcome.Kind);
        Assert.Contains("'cold'", result.Outcome.Reason, StringComparison.Ordinal);
        Assert.Null(result.NewOwner);
        Assert.Equal(0, _sim.DataRequests);
    }

    [Fact]
    public async Task Vendor_errors_are_mapped_an_unknown_owner_is_permanent_and_the_spent_allocation_is_quota()
    {
        await using var sp = Services(s => s["LeadSync:Crm:Salesforce:Reassign:hot:Queue"] = "00G000000000099AAA");
        var gateway = sp.Gateway();
        var lead = await SyncedAsync(gateway, new LeadBuilder().Build());

        var unknownQueue = await gateway.ReassignAsync(lead, "hot", default);
        _sim.ApiUsed = _sim.ApiMax;
        var spent = await gateway.ReassignAsync(lead, "warm", default);

        Assert.Equal(CrmOutcomeKind.Permanent, unknownQueue.Outcome.Kind);
        Assert.Contains("INVALID_CROSS_REFERENCE_KEY", unknownQueue.Outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(CrmOutcomeKind.QuotaExhausted, spent.Outcome.Kind);
        Assert.Equal(SalesforceSimulator.OwnerId, _sim.Leads[lead.Id].OwnerId);
    }

    [Fact]
    public async Task Reassigning_a_lead_Salesforce_does_not_have_is_permanent_and_creates_nothing()
    {
        await using var sp = Services();

        var result = await sp.Gateway().ReassignAsync(new LeadBuilder().Build(), "hot", default);

        Assert.Equal(CrmOutcomeKind.Permanent, result.Outcome.Kind);
        Assert.Contains("REQUIRED_FIELD_MISSING", result.Outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(_sim.Leads);
    }

    [Fact]
    public async Task Touches_count_completed_tasks_as_attempts_with_the_earliest_as_first_touch_across_pages()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();
        var leads = LeadBuilder.Many(3);
        await gateway.UpsertAsync(leads, default);
        var first = new DateTimeOffset(2026, 11, 23, 10, 15, 0, TimeSpan.Zero);
        for (var i = 0; i < 4; i++)
        {
            _sim.AddTask(leads[0].Id, "Completed", first.AddHours(4 - i));
        }

        _sim.AddTask(leads[0].Id, "Not Started", first.AddHours(-5));
        _sim.AddTask(leads[1].Id, "Completed", first);
        _sim.PageSize = 2;

        var touches = await gateway.GetTouchesAsync(leads, default);

        Assert.Equal((CrmLeadState.Contacted, 4, first.AddHours(1)), (touches[0].State, touches[0].Attempts, touches[0].FirstTouchAt));
        Assert.Equal((CrmLeadState.Contacted, 1, first), (touches[1].State, touches[1].Attempts, touches[1].FirstTouchAt));
        Assert.Equal((CrmLeadState.Untouched, 0), (touches[2].State, touches[2].Attempts));
        Assert.Contains(_sim.Soql, q => q.StartsWith("SELECT WhoId, Status, CreatedDate FROM Task WHERE WhoId IN (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tasks_are_not_read_when_switched_off()
    {
        await using var sp = Services(s => s["LeadSync:Crm:Salesforce:ReadTasks"] = "false");
        var gateway = sp.Gateway();
        var lead = new LeadBuilder().Build();
        await gateway.UpsertAsync([lead], default);
        _sim.AddTask(lead.Id, "Completed", DateTimeOffset.UtcNow);

        var touch = (await gateway.GetTouchesAsync([lead], default)).Single();

        Assert.Equal((CrmLeadState.Untouched, 0), (touch.State, touch.Attempts));
        Assert.DoesNotContain(_sim.Soql, q => q.Contains("FROM Task", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Reassign:hot:Owners:0", "005000000000002AAA", "must set exactly one of Queue and Owners")]
    [InlineData("Reassign:hot:Queue", "005000000000002AAA", "is not a Salesforce queue id")]
    [InlineData("Reassign:warm:Owners:1", "00G000000000042", "which is not a Salesforce user id")]
    public void Bad_reassign_settings_stop_the_host_naming_the_key(string key, string value, string message)
    {
        using var sp = Services(s => s[$"LeadSync:Crm:Salesforce:{key}"] = value);

        var ex = Assert.Throws<OptionsValidationException>(() => sp.GetService<IStartupValidator>()?.Validate());

        Assert.Contains("LeadSync:Crm:Salesforce:Reassign:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }
}
