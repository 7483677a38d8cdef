using LeadSync.Core.Crm;
using LeadSync.Core.Jobs;
using LeadSync.Core.Leads;
using LeadSync.Core.Notifications;
using LeadSync.Core.Sla;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Crm.Sandbox;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Sla;

/// <summary>The ladder on Azurite: acknowledgement pauses it, level actions reassign and mark, first touch records the SLA result, follow-up cadence.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EscalationLadderTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["LeadSync:Sla:FirstTouch"] = "01:00:00",
            ["LeadSync:Sla:AckGrace"] = "01:00:00",
            ["LeadSync:Sla:Levels:0:After"] = "00:00:00",
            ["LeadSync:Sla:Levels:0:Recipient"] = "owner",
            ["LeadSync:Sla:Levels:1:After"] = "00:30:00",
            ["LeadSync:Sla:Levels:1:Recipient"] = "manager",
            ["LeadSync:Sla:Levels:1:Action"] = "reassign",
            ["LeadSync:Sla:Levels:2:After"] = "02:00:00",
            ["LeadSync:Sla:Levels:2:Recipient"] = "team",
            ["LeadSync:Sla:Levels:2:Action"] = "mark-breached",
            ["LeadSync:Sla:Policies:0:Name"] = "followed",
            ["LeadSync:Sla:Policies:0:Match:Sources:0"] = "generic",
            ["LeadSync:Sla:Policies:0:FollowUp:Attempts"] = "3",
            ["LeadSync:Sla:Policies:0:FollowUp:Window"] = "04:00:00",
            ["LeadSync:Crm:Sandbox:ReassignPool:0"] = "rep-a",
            ["LeadSync:Crm:Sandbox:ReassignPool:1"] = "rep-b",
            ["LeadSync:Notifications:AckSecret"] = "integration-ack-secret",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private ILeadStore Leads => _services.Get<ILeadStore>();

    private INoticeStore Notices => _services.Get<INoticeStore>();

    private async Task<List<string>> SyncedLeadsAsync(int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await Pipeline.IntakeAsync(_services, $"ladder{i}@example.com"));
        }

        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        return ids;
    }

    private async Task<List<string>> SweepAndDrainAsync(TimeSpan advance)
    {
        _services.Time.Advance(advance);
        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);
        return await Pipeline.DrainAsync(_services, QueueNames.Notifications);
    }

    [Fact]
    public async Task An_acknowledgement_pauses_the_ladder_for_the_grace_period()
    {
        var id = (await SyncedLeadsAsync(1))[0];
        Assert.Equal([$"{id}|1"], await SweepAndDrainAsync(TimeSpan.FromMinutes(61)));

        var ack = await _services.Get<EscalationAcknowledger>().AcknowledgeAsync($"{id}.1", "ana", CancellationToken.None);
        Assert.Equal(AckStatus.Acknowledged, ack.Status);

        Assert.Empty(await SweepAndDrainAsync(TimeSpan.FromMinutes(31))); // level 2 was due, the ladder waits until ack + 1 h
        Assert.Empty(await SweepAndDrainAsync(TimeSpan.FromMinutes(28)));
        Assert.Equal([$"{id}|2"], await SweepAndDrainAsync(TimeSpan.FromMinutes(2)));

        var lead = await Leads.GetAsync(id, CancellationToken.None);
        Assert.Equal(("ana", ack.At), (lead!.AcknowledgedBy, lead.AcknowledgedAt));
        Assert.Equal(ack.At + TimeSpan.FromHours(1), lead.LadderPausedUntil);
        var notice = await Notices.GetAsync(id, 1, CancellationToken.None);
        Assert.Equal(("ana", ack.At), (notice!.AcknowledgedBy, notice.AcknowledgedAt));
        Assert.Contains(LeadEvents.Acknowledged, (await Leads.GetTimelineAsync(id, CancellationToken.None)).Select(e => e.Event));
    }

    [Fact]
    public async Task A_second_acknowledgement_keeps_the_first_one()
    {
        var id = (await SyncedLeadsAsync(1))[0];
        await SweepAndDrainAsync(TimeSpan.FromMinutes(61));
        var acknowledger = _services.Get<EscalationAcknowledger>();

        var first = await acknowledger.AcknowledgeAsync($"{id}.1", "ana", CancellationToken.None);
        _services.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await acknowledger.AcknowledgeAsync($"{id}.1", "bo", CancellationToken.None);

        Assert.Equal(AckStatus.AlreadyAcknowledged, second.Status);
        Assert.Equal((first.By, first.At), (second.By, second.At));
        Assert.Equal(AckStatus.UnknownNotice, (await acknowledger.AcknowledgeAsync($"{id}.2", "ana", CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Reassign_levels_hand_leads_round_robin_to_the_pool_and_mark_breached_levels_mark_them()
    {
        var ids = await SyncedLeadsAsync(2);
        await SweepAndDrainAsync(TimeSpan.FromMinutes(61));
        await SweepAndDrainAsync(TimeSpan.FromMinutes(31));

        var owners = new List<string?>();
        foreach (var id in ids)
        {
            var lead = await Leads.GetAsync(id, CancellationToken.None);
            owners.Add(lead!.Owner);
            Assert.Null(lead.BreachMarkedAt);
            Assert.Contains(LeadEvents.Reassigned, (await Leads.GetTimelineAsync(id, CancellationToken.None)).Select(e => e.Event));
        }

        Assert.Equal(["rep-a", "rep-b"], owners.Order());

        await SweepAndDrainAsync(TimeSpan.FromMinutes(90));
        foreach (var id in ids)
        {
            var lead = await Leads.GetAsync(id, CancellationToken.None);
            Assert.Equal(3, lead!.EscalationLevel);
            Assert.NotNull(lead.BreachMarkedAt);
            Assert.False(lead.SlaMet);
            Assert.Equal(EscalationActions.MarkBreached, (await Notices.GetAsync(id, 3, CancellationToken.None))!.Action);
        }
    }

    [Fact]
    public async Task A_first_touch_records_business_minutes_and_sla_met_then_a_short_cadence_is_flagged_once()
    {
        var ids = await SyncedLeadsAsync(2);
        var sandbox = _services.Get<SandboxCrmGateway>();
        var touchedAt = _services.Time.GetUtcNow().AddMinutes(20);
        await sandbox.RecordActivityAsync(ids[0], CrmLeadState.Contacted, touchedAt, CancellationToken.None);
        await sandbox.RecordActivityAsync(ids[1], CrmLeadState.Contacted, touchedAt, CancellationToken.None);
        await sandbox.RecordActivityAsync(ids[1], CrmLeadState.Contacted, touchedAt.AddMinutes(30), CancellationToken.None);
        await sandbox.RecordActivityAsync(ids[1], CrmLeadState.Contacted, touchedAt.AddMinutes(60), CancellationToken.None);

        Assert.Empty(await SweepAndDrainAsync(TimeSpan.FromMinutes(61)));
        var contacted = await Leads.GetAsync(ids[0], CancellationToken.None);
        Assert.Equal((LeadStatus.Contacted, 20, true), (contacted!.Status, contacted.BusinessMinutesToFirstTouch, contacted.SlaMet));

        // The window ends 4 h after first touch: lead 0 made 1 of 3 attempts, lead 1 made 3.
        Assert.Empty(await SweepAndDrainAsync(TimeSpan.FromMinutes(190)));
        Assert.Equal([$"{ids[0]}|0"], await SweepAndDrainAsync(TimeSpan.FromMinutes(10)));
        Assert.Empty(await SweepAndDrainAsync(TimeSpan.FromMinutes(10)));

        var missed = await Leads.GetAsync(ids[0], CancellationToken.None);
        Assert.True(missed!.FollowUpMissed);
        Assert.Equal(1, missed.ContactAttempts);
        Assert.Single(await Leads.GetTimelineAsync(ids[0], CancellationToken.None), e => e.Event == LeadEvents.FollowUpMissed);
        Assert.True((await Notices.GetAsync(ids[0], EscalationNotice.FollowUpLevel, CancellationToken.None))!.IsSent);
        var kept = await Leads.GetAsync(ids[1], CancellationToken.None);
        Assert.Equal((false, 3), (kept!.FollowUpMissed, kept.ContactAttempts));
    }
}
