using Azure.Core;
using LeadSync.Core.Crm;
using LeadSync.Core.Leads;
using LeadSync.Crm.Tests.Support;
using LeadSync.Infrastructure.Crm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using LeadSync.Testing.Crm;

namespace LeadSync.Crm.Tests.Dynamics;

public sealed class DynamicsReassignAndActivityTests : DynamicsSimulatorTest
{
    private ServiceProvider Services(Action<Dictionary<string, string?>>? tweak = null) => DynamicsServices(settings =>
    {
        settings["LeadSync:Crm:Dynamics:Reassign:hot:Queue"] = DynamicsSimulator.TeamId.ToString("D");
        for (var i = 0; i < DynamicsSimulator.Users.Length; i++)
        {
            settings[$"LeadSync:Crm:Dynamics:Reassign:warm:Owners:{i}"] = DynamicsSimulator.Users[i].ToString("D");
        }

        tweak?.Invoke(settings);
    });

    private static async Task<Lead> SyncedAsync(ICrmGateway gateway, Lead lead)
    {
        var result = (await gateway.UpsertAsync([lead], default)).Single();
        Assert.True(result.Outcome.Succeeded, result.Outcome.Reason);
        return lead with { CrmId = result.CrmId, Owner = result.Owner, Status = LeadStatus.Synced, EscalationLevel = 1 };
    }

    [Fact]
    public async Task Reassign_to_a_team_binds_ownerid_and_returns_the_owner_Dataverse_stored()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();
        var lead = await SyncedAsync(gateway, new LeadBuilder().Build());

        var result = await gateway.ReassignAsync(lead, "hot", default);

        Assert.True(result.Outcome.Succeeded, result.Outcome.Reason);
        Assert.Equal(DynamicsSimulator.TeamId.ToString("D"), result.NewOwner);
        Assert.Equal((DynamicsSimulator.TeamId, "team"), (Sim.Leads[lead.Id].OwnerId, Sim.Leads[lead.Id].OwnerType));
        Assert.Equal(1, Sim.Leads[lead.Id].Creates);
    }

    [Fact]
    public async Task Round_robin_binds_a_systemuser_other_than_the_current_owner_and_a_retry_picks_the_same_one()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();
        var lead = await SyncedAsync(gateway, new LeadBuilder().Build());
        var current = DynamicsSimulator.Users[0];
        Sim.Leads[lead.Id].OwnerId = current;
        lead = lead with { Owner = current.ToString("D") };

        var first = await gateway.ReassignAsync(lead, "warm", default);
        var retried = await gateway.ReassignAsync(lead, "warm", default);

        Assert.True(first.Outcome.Succeeded, first.Outcome.Reason);
        Assert.Contains(Guid.Parse(first.NewOwner!), DynamicsSimulator.Users);
        Assert.NotEqual(current, Guid.Parse(first.NewOwner!));
        Assert.Equal(first.NewOwner, retried.NewOwner);
        Assert.Equal(("systemuser", 1), (Sim.Leads[lead.Id].OwnerType, Sim.Leads[lead.Id].OwnerChanges));
    }

    [Fact]
    public async Task An_unmapped_pool_is_permanent_and_names_the_pool()
    {
        await using var sp = Services();

        var result = await sp.Gateway().ReassignAsync(new LeadBuilder().Build(), "cold", default);

        Assert.Equal(CrmOutcomeKind.Permanent, result.Outcome.Kind);
        Assert.Contains("'cold'", result.Outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(0, Sim.Requests);
    }

    [Fact]
    public async Task Vendor_errors_are_mapped_a_missing_team_or_lead_is_permanent_and_429_is_transient()
    {
        await using var sp = Services(s =>
        {
            s["LeadSync:Crm:Dynamics:Reassign:hot:Queue"] = Guid.NewGuid().ToString("D");
            s["LeadSync:Crm:Dynamics:Resilience:MaxRetryAttempts"] = "0";
        });
        var gateway = sp.Gateway();
        var lead = await SyncedAsync(gateway, new LeadBuilder().Build());

        var missingTeam = await gateway.ReassignAsync(lead, "hot", default);
        var missingLead = await gateway.ReassignAsync(new LeadBuilder().Build(), "warm", default);
        Sim.Faults.FailNext(1, 429, """{"error":{"code":"0x80072322","message":"Number of requests exceeded the limit."}}""", ("Retry-After", "7"));
        var throttled = await gateway.ReassignAsync(lead, "warm", default);

        Assert.Equal(CrmOutcomeKind.Permanent, missingTeam.Outcome.Kind);
        Assert.Contains("Does Not Exist", missingTeam.Outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(CrmOutcomeKind.Permanent, missingLead.Outcome.Kind);
        Assert.Single(Sim.Leads);
        Assert.Equal(CrmOutcomeKind.Transient, throttled.Outcome.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), throttled.Outcome.RetryAfter);
        Assert.Equal(DynamicsSimulator.OwnerId, Sim.Leads[lead.Id].OwnerId);
    }

    [Fact]
    public async Task Touches_count_completed_calls_emails_and_meetings_as_attempts_with_the_earliest_as_first_touch()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();
        var leads = LeadBuilder.Many(3);
        await gateway.UpsertAsync(leads, default);
        var first = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        Sim.AddActivity(leads[0].Id, "phonecall", 1, first.AddHours(2));
        Sim.AddActivity(leads[0].Id, "email", 1, first);
        Sim.AddActivity(leads[0].Id, "appointment", 1, null, first.AddHours(5));
        Sim.AddActivity(leads[0].Id, "phonecall", 0, null);
        Sim.AddActivity(leads[0].Id, "task", 1, first.AddHours(-3));
        Sim.AddActivity(leads[1].Id, "phonecall", 2, first);
        Sim.SetState(leads[2].Id, 0, 2);

        var touches = await gateway.GetTouchesAsync(leads, default);

        Assert.Equal((CrmLeadState.Contacted, 3, first), (touches[0].State, touches[0].Attempts, touches[0].FirstTouchAt));
        Assert.Equal((CrmLeadState.Untouched, 0), (touches[1].State, touches[1].Attempts));
        Assert.Equal((CrmLeadState.Contacted, 0), (touches[2].State, touches[2].Attempts));
        var filter = Assert.Single(Sim.ActivityFilters);
        Assert.Contains($"_regardingobjectid_value eq {Sim.Leads[leads[0].Id].Id:D}", filter, StringComparison.Ordinal);
        Assert.EndsWith("and statecode eq 1", filter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_activity_read_throws_instead_of_reporting_no_attempts()
    {
        await using var sp = Services(s => s["LeadSync:Crm:Dynamics:Resilience:MaxRetryAttempts"] = "0");
        var gateway = sp.Gateway();
        var lead = new LeadBuilder().Build();
        await gateway.UpsertAsync([lead], default);
        Sim.ActivitiesDown = true;

        await Assert.ThrowsAsync<CrmUnavailableException>(() => gateway.GetTouchesAsync([lead], default));
    }

    [Theory]
    [InlineData("Reassign:hot:Owners:0", "5a000000-0000-4000-8000-000000000001", "must set exactly one of Queue and Owners")]
    [InlineData("Reassign:warm:Owners:1", "not-a-guid", "which is not a systemuser id")]
    public void Bad_reassign_settings_stop_the_host_naming_the_key(string key, string value, string message)
    {
        using var sp = Services(s => s[$"LeadSync:Crm:Dynamics:{key}"] = value);

        var ex = Assert.Throws<OptionsValidationException>(() => sp.GetService<IStartupValidator>()?.Validate());

        Assert.Contains("LeadSync:Crm:Dynamics:Reassign:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }
}
