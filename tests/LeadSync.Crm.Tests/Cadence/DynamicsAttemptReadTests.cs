using Azure.Core;
using LeadSync.Core.Crm;
using LeadSync.Crm.Tests.Dynamics;
using LeadSync.Testing.Crm;
using LeadSync.Crm.Tests.Support;
using LeadSync.Infrastructure.Crm;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Crm.Tests.Cadence;

/// <summary>The cadence's activity read against the Dataverse simulator: completed activities, every page.</summary>
public sealed class DynamicsAttemptReadTests : DynamicsSimulatorTest
{
    private ServiceProvider Services() => DynamicsServices();

    [Fact]
    public async Task Attempts_are_completed_activities_of_the_attempt_types_with_their_times_following_next_links()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();
        var leads = LeadBuilder.Many(3);
        await gateway.UpsertAsync(leads, default);
        var first = new DateTimeOffset(2026, 11, 23, 10, 15, 0, TimeSpan.Zero);
        for (var i = 0; i < 5; i++)
        {
            Sim.AddActivity(leads[0].Id, "phonecall", 1, first.AddHours(i));
        }

        Sim.AddActivity(leads[0].Id, "appointment", 1, null, first.AddMinutes(30));
        Sim.AddActivity(leads[0].Id, "phonecall", 0, null, first.AddMinutes(40));
        Sim.AddActivity(leads[0].Id, "task", 1, first.AddMinutes(50));
        Sim.AddActivity(leads[1].Id, "email", 1, first);
        Sim.ActivityPageSize = 3;

        var attempts = await gateway.ReadAttemptsAsync(leads, default);

        Assert.Equal([first, first.AddMinutes(30), first.AddHours(1), first.AddHours(2), first.AddHours(3), first.AddHours(4)], attempts[0].At);
        Assert.Equal([first], attempts[1].At);
        Assert.Empty(attempts[2].At);

        // 8 completed rows for the batch's filter: pages of 3, so two further pages by $skiptoken.
        Assert.Single(Sim.ActivityFilters);
        Assert.Equal(2, Sim.ActivitySkipTokens.Count);
        Assert.All(Sim.ActivitySkipTokens, t => Assert.StartsWith("<cookie pagenumber=", t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_touch_read_now_counts_activities_past_the_first_page_too()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();
        var lead = new LeadBuilder().Build();
        await gateway.UpsertAsync([lead], default);
        for (var i = 0; i < 4; i++)
        {
            Sim.AddActivity(lead.Id, "phonecall", 1, DateTimeOffset.UtcNow.AddHours(-i - 1));
        }

        Sim.ActivityPageSize = 3;

        var touch = (await gateway.GetTouchesAsync([lead], default)).Single();

        Assert.Equal(4, touch.Attempts);
    }

    [Fact]
    public async Task A_failed_activity_read_fails_the_read()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();
        var lead = new LeadBuilder().Build();
        await gateway.UpsertAsync([lead], default);
        Sim.ActivitiesDown = true;

        await Assert.ThrowsAnyAsync<CrmReadException>(() => gateway.ReadAttemptsAsync([lead], default));
    }
}
