using LeadSync.Core.Crm;
using LeadSync.Testing.Crm;
using LeadSync.Crm.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Crm.Tests.Cadence;

/// <summary>The cadence's activity read against the Salesforce simulator: Tasks and Events by WhoId, every page.</summary>
public sealed class SalesforceAttemptReadTests : IAsyncLifetime
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
    public async Task Attempts_are_every_counted_task_and_every_past_event_with_their_times_across_pages()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();
        var leads = LeadBuilder.Many(3);
        await gateway.UpsertAsync(leads, default);
        var first = new DateTimeOffset(2026, 11, 23, 10, 15, 0, TimeSpan.Zero);
        for (var i = 0; i < 5; i++)
        {
            _sim.AddTask(leads[0].Id, "Completed", first.AddHours(i));
        }

        _sim.AddTask(leads[0].Id, "Not Started", first.AddHours(-1));
        _sim.AddEvent(leads[0].Id, first.AddMinutes(30));
        _sim.AddEvent(leads[0].Id, DateTimeOffset.UtcNow.AddDays(3));
        _sim.AddEvent(leads[1].Id, first);
        _sim.PageSize = 2;

        var attempts = await gateway.ReadAttemptsAsync(leads, default);

        Assert.Equal([first, first.AddMinutes(30), first.AddHours(1), first.AddHours(2), first.AddHours(3), first.AddHours(4)], attempts[0].At);
        Assert.Equal([first], attempts[1].At);
        Assert.Empty(attempts[2].At);

        // One query per kind for the whole batch; the 5 Tasks came on 3 pages through nextRecordsUrl.
        Assert.Single(_sim.Soql, q => q.Contains("FROM Task", StringComparison.Ordinal));
        Assert.Single(_sim.Soql, q => q.Contains("FROM Event", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Events_are_not_read_when_switched_off()
    {
        await using var sp = Services(s => s["LeadSync:Crm:Salesforce:ReadEvents"] = "false");
        var gateway = sp.Gateway();
        var lead = new LeadBuilder().Build();
        await gateway.UpsertAsync([lead], default);
        _sim.AddEvent(lead.Id, DateTimeOffset.UtcNow.AddHours(-1));

        var attempts = (await gateway.ReadAttemptsAsync([lead], default)).Single();

        Assert.Empty(attempts.At);
        Assert.DoesNotContain(_sim.Soql, q => q.Contains("FROM Event", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_page_fails_the_read_so_the_sweep_can_say_the_crm_could_not_be_checked()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();
        var lead = new LeadBuilder().Build();
        await gateway.UpsertAsync([lead], default);
        _sim.AddTask(lead.Id, "Completed", DateTimeOffset.UtcNow.AddHours(-2));
        _sim.AddTask(lead.Id, "Completed", DateTimeOffset.UtcNow.AddHours(-1));
        _sim.PageSize = 1;
        _sim.ExpireCursors = true;

        await Assert.ThrowsAnyAsync<CrmReadException>(() => gateway.ReadAttemptsAsync([lead], default));
    }
}
