using LeadSync.Core.Crm.Pause;
using LeadSync.Core.Leads;
using LeadSync.Crm.Tests.Support;
using Xunit.Abstractions;

namespace LeadSync.Crm.Tests.Sync;

/// <summary>
/// Issue 18, per CRM simulator on a fake clock: an outage or a quota stop never dead-letters a lead, never burns a
/// queue message, makes no CRM call while paused (a single probe at each pause end), and the backlog drains by itself.
/// </summary>
public sealed class CrmTroubleTests(ITestOutputHelper output)
{
    private const int Backlog = 500;
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(15);

    public static TheoryData<string> Crms => ["salesforce", "hubspot", "dynamics"];

    private static async Task<SimulatedCrm> StartAsync(string crm) => crm switch
    {
        "salesforce" => await SalesforceUnderTest.StartAsync(),
        "hubspot" => await HubSpotUnderTest.StartAsync(),
        _ => await DynamicsUnderTest.StartAsync(),
    };

    [Theory]
    [MemberData(nameof(Crms))]
    public async Task A_two_hour_outage_during_a_500_lead_backlog_dead_letters_nothing_and_syncs_every_lead_once_after(string name)
    {
        await using var crm = await StartAsync(name);
        await using var sync = SyncHarness.Create(crm, new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var leads = LeadBuilder.Many(Backlog);
        crm.SetOutage(true);
        await sync.EnqueueAsync(leads);

        // The first calls fail and pause the connection; from then on each pause end sees one probe call, no more.
        var callsPerStep = new List<int>();
        var states = new List<CrmConnectionState>();
        var before = crm.Calls;
        await sync.RunAsync(TimeSpan.FromHours(2), Step, now =>
        {
            callsPerStep.Add(crm.Calls - before);
            before = crm.Calls;
            states.Add(sync.Pauses.GetAsync(crm.Provider, default).Result.StateAt(now));
        });
        output.WriteLine($"{name}: calls in the first step {callsPerStep[0]}, during the rest of the outage {callsPerStep.Skip(1).Sum()}");
        Assert.All(callsPerStep.Skip(1), calls => Assert.InRange(calls, 0, 1));
        Assert.Contains(CrmConnectionState.Paused, states);
        Assert.Equal(CrmConnectionState.Paused, (await sync.Gate.GetStateAsync(default)).StateAt(sync.Time.GetUtcNow()));
        Assert.Empty(sync.DeadLetters.All);
        Assert.All(sync.Leads.All, l => Assert.Equal((LeadStatus.SalesReady, 0), (l.Status, l.SyncAttempts)));

        // Back up: the next probe succeeds and the backlog drains with no manual step.
        crm.SetOutage(false);
        await sync.RunAsync(TimeSpan.FromMinutes(15), Step);

        Assert.Empty(sync.DeadLetters.All);
        Assert.Empty(sync.Poisoned);
        Assert.Equal(0, sync.Retries);
        Assert.Equal(0, sync.Waiting);
        Assert.All(sync.Leads.All, l => Assert.Equal(LeadStatus.Synced, l.Status));
        crm.AssertEachWrittenOnce(leads);
        Assert.Equal(CrmConnectionState.Healthy, (await sync.Gate.GetStateAsync(default)).StateAt(sync.Time.GetUtcNow()));
    }

    [Theory]
    [MemberData(nameof(Crms))]
    public async Task A_quota_stop_makes_no_call_until_the_vendor_reset_then_the_backlog_drains(string name)
    {
        await using var crm = await StartAsync(name);
        var start = new DateTimeOffset(2026, 12, 7, 21, 0, 0, TimeSpan.Zero);
        await using var sync = SyncHarness.Create(crm, start);
        var leads = LeadBuilder.Many(Backlog);
        crm.StopQuota();
        await sync.EnqueueAsync(leads);

        await sync.DeliverVisibleAsync();
        var pause = await sync.Gate.GetStateAsync(default);
        var reset = crm.QuotaResetAt(start);
        output.WriteLine($"{name}: {pause}");
        Assert.Equal(CrmConnectionState.Paused, pause.StateAt(sync.Time.GetUtcNow()));
        Assert.InRange(pause.PausedUntil!.Value, reset - TimeSpan.FromMinutes(1), reset + TimeSpan.FromMinutes(1));
        Assert.NotNull(pause.Reason);

        // Up to the reset: not one call, however often the consumer looks.
        var callsAtStop = crm.Calls;
        await sync.RunAsync(pause.PausedUntil!.Value - sync.Time.GetUtcNow() - TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(callsAtStop, crm.Calls);
        Assert.Equal(CrmConnectionState.Paused, (await sync.Gate.GetStateAsync(default)).StateAt(sync.Time.GetUtcNow()));

        // The vendor resets; the single probe at the pause end succeeds and everything drains.
        crm.ResetQuota();
        await sync.RunAsync(TimeSpan.FromMinutes(10), Step);

        Assert.Empty(sync.DeadLetters.All);
        Assert.Empty(sync.Poisoned);
        Assert.Equal(0, sync.Retries);
        Assert.All(sync.Leads.All, l => Assert.Equal((LeadStatus.Synced, 1), (l.Status, l.SyncAttempts)));
        crm.AssertEachWrittenOnce(leads);
    }
}
