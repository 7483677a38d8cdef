using LeadSync.Core.Crm;
using LeadSync.Core.Jobs;
using LeadSync.Core.Leads;
using LeadSync.Core.Notifications;
using LeadSync.Core.Reports;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Crm;
using LeadSync.Infrastructure.Crm.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Sla;

/// <summary>
/// The follow-up cadence on Azurite through the real service graph and the SLA sweep job, on a fake clock: a missed
/// checkpoint escalates once (even with two sweeps at once), a met one does not; both go on the timeline and into the
/// report index.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CadenceSweepTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestServices _services = null!;

    private readonly FlakyAttemptReads _flaky = new();

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["LeadSync:Sla:FirstTouch"] = "01:00:00",
            ["LeadSync:Sla:Levels:0:After"] = "00:00:00",
            ["LeadSync:Sla:Levels:0:Recipient"] = "owner",
            ["LeadSync:Sla:Levels:1:After"] = "00:30:00",
            ["LeadSync:Sla:Levels:1:Recipient"] = "manager",
            ["LeadSync:Sla:Policies:0:Name"] = "cadenced",
            ["LeadSync:Sla:Policies:0:Match:Sources:0"] = "generic",
            ["LeadSync:Sla:Policies:0:Cadence:0:Attempts"] = "1",
            ["LeadSync:Sla:Policies:0:Cadence:0:By"] = "00:30:00",
            ["LeadSync:Sla:Policies:0:Cadence:1:Attempts"] = "3",
            ["LeadSync:Sla:Policies:0:Cadence:1:By"] = "04:00:00",
        }, configure: s => s.AddSingleton<ICrmGateway>(sp => _flaky.Wrap(sp.GetRequiredService<SandboxCrmGateway>())));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private ILeadStore Leads => _services.Get<ILeadStore>();

    [Fact]
    public async Task A_missed_checkpoint_escalates_once_and_a_met_one_does_not()
    {
        var called = await Pipeline.IntakeAsync(_services, "called@example.com");
        var ignored = await Pipeline.IntakeAsync(_services, "ignored@example.com");
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        var sandbox = _services.Get<SandboxCrmGateway>();
        var callAt = _services.Time.GetUtcNow().AddMinutes(10);
        await sandbox.RecordActivityAsync(called, CrmLeadState.Contacted, callAt, CancellationToken.None);

        // Checkpoint 1 (1 attempt by 30 min) is due: two sweeps at once, one notice.
        _services.Time.Advance(TimeSpan.FromMinutes(31));
        await Task.WhenAll(Pipeline.RunJobAsync(_services, JobNames.SlaSweep), Pipeline.RunJobAsync(_services, JobNames.SlaSweep));
        Assert.Equal([$"{ignored}|{EscalationNotice.CadenceLevelBase}"], await Pipeline.DrainAsync(_services, QueueNames.Notifications));

        _services.Time.Advance(TimeSpan.FromMinutes(1));
        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);
        Assert.Empty(await Pipeline.DrainAsync(_services, QueueNames.Notifications));

        var missed = await Leads.GetAsync(ignored, CancellationToken.None);
        Assert.Equal("X", missed!.CadenceOutcomes);
        var missedTimeline = await Leads.GetTimelineAsync(ignored, CancellationToken.None);
        Assert.Single(missedTimeline, e => e.Event == LeadEvents.CadenceCheckpointMissed);
        var notice = await _services.Get<INoticeStore>().GetAsync(ignored, EscalationNotice.CadenceLevelBase, CancellationToken.None);
        Assert.Equal(("owner", true), (notice!.Recipient, notice.IsSent));

        var met = await Leads.GetAsync(called, CancellationToken.None);
        Assert.Equal(("M", 1), (met!.CadenceOutcomes, met.ContactAttempts));
        var metTimeline = await Leads.GetTimelineAsync(called, CancellationToken.None);
        Assert.Single(metTimeline, e => e.Event == LeadEvents.CadenceCheckpointMet);
        Assert.Single(metTimeline, e => e.Event == LeadEvents.CadenceAttempt);
        Assert.DoesNotContain(metTimeline, e => e.Event == LeadEvents.CadenceCheckpointMissed);
        Assert.Null(await _services.Get<INoticeStore>().GetAsync(called, EscalationNotice.CadenceLevelBase, CancellationToken.None));

        // The report index carries the attempts and the checkpoint outcomes.
        var day = FunnelRow.DayOf(met.ReceivedAt);
        var rows = (await _services.Get<IFunnelIndex>().ReadAsync(day, day, CancellationToken.None)).ToDictionary(r => r.LeadId);
        Assert.Equal((1, 1, 0), (rows[called].Attempts, rows[called].CheckpointsMet, rows[called].CheckpointsMissed));
        Assert.Equal((0, 0, 1), (rows[ignored].Attempts, rows[ignored].CheckpointsMet, rows[ignored].CheckpointsMissed));
    }

    [Fact]
    public async Task The_second_miss_goes_one_rung_up_the_ladder()
    {
        var lead = await Pipeline.IntakeAsync(_services, "slow@example.com");
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        var sandbox = _services.Get<SandboxCrmGateway>();
        await sandbox.RecordActivityAsync(lead, CrmLeadState.Contacted, _services.Time.GetUtcNow().AddMinutes(40), CancellationToken.None);

        _services.Time.Advance(TimeSpan.FromMinutes(31));
        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);
        Assert.Equal([$"{lead}|{EscalationNotice.CadenceLevelBase}"], await Pipeline.DrainAsync(_services, QueueNames.Notifications));

        // 4 h after the handoff with 1 of 3 attempts: the second miss goes to level 2's recipient.
        _services.Time.Advance(TimeSpan.FromHours(4));
        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);
        await Pipeline.DrainAsync(_services, QueueNames.Notifications);

        var notice = await _services.Get<INoticeStore>().GetAsync(lead, EscalationNotice.CadenceLevelBase + 1, CancellationToken.None);
        Assert.Equal("manager", notice!.Recipient);
        var stored = await Leads.GetAsync(lead, CancellationToken.None);
        Assert.Equal(("XX", 1), (stored!.CadenceOutcomes, stored.ContactAttempts));
    }

    [Fact]
    public async Task When_the_activity_read_fails_the_sweep_says_the_crm_could_not_be_checked_and_escalates_later()
    {
        var lead = await Pipeline.IntakeAsync(_services, "unread@example.com");
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        _flaky.Down = true;

        _services.Time.Advance(TimeSpan.FromMinutes(31));
        var report = await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);

        Assert.Contains("activities unavailable", report!.CrmUnavailable, StringComparison.Ordinal);
        Assert.Equal(1, report.Deferred);
        Assert.Empty(await Pipeline.DrainAsync(_services, QueueNames.Notifications));
        Assert.Null((await Leads.GetAsync(lead, CancellationToken.None))!.CadenceOutcomes);

        // The hint stayed: once the CRM answers, the next sweep decides the checkpoint.
        _flaky.Down = false;
        _services.Time.Advance(TimeSpan.FromMinutes(1));
        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);
        Assert.Equal([$"{lead}|{EscalationNotice.CadenceLevelBase}"], await Pipeline.DrainAsync(_services, QueueNames.Notifications));
    }

    /// <summary>The sandbox CRM whose activity read fails while <see cref="Down"/> (everything else works).</summary>
    private sealed class FlakyAttemptReads
    {
        public volatile bool Down;

        public ICrmGateway Wrap(SandboxCrmGateway inner) => new Gateway(inner, this);

        private sealed class Gateway(SandboxCrmGateway inner, FlakyAttemptReads flaky) : ICrmGateway
        {
            public string Name => inner.Name;

            public Task<IReadOnlyList<CrmUpsertResult>> UpsertAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken) => inner.UpsertAsync(leads, cancellationToken);

            public Task<IReadOnlyList<CrmTouch>> GetTouchesAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken) => inner.GetTouchesAsync(leads, cancellationToken);

            public Task<CrmOutcome> MarkRecycledAsync(Lead lead, string reason, CancellationToken cancellationToken) => inner.MarkRecycledAsync(lead, reason, cancellationToken);

            public Task<IReadOnlyList<CrmAttempts>> ReadAttemptsAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken) => flaky.Down
                ? throw new CrmUnavailableException("sandbox", new CrmOutcome(CrmOutcomeKind.Transient, "activities unavailable"))
                : inner.ReadAttemptsAsync(leads, cancellationToken);
        }
    }
}
