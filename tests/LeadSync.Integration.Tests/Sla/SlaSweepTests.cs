using LeadSync.Core.Crm;
using LeadSync.Core.Jobs;
using LeadSync.Core.Leads;
using LeadSync.Core.Notifications;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Crm.Sandbox;
using LeadSync.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Integration.Tests.Sla;

[Collection(AzuriteCollection.Name)]
public sealed class SlaSweepTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["LeadSync:Sla:FirstTouch"] = "01:00:00",
            ["LeadSync:Sla:Levels:0:After"] = "00:00:00",
            ["LeadSync:Sla:Levels:0:Recipient"] = "owner",
            ["LeadSync:Sla:Levels:1:After"] = "00:30:00",
            ["LeadSync:Sla:Levels:1:Recipient"] = "manager",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<List<string>> SyncedLeadsAsync(int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await Pipeline.IntakeAsync(_services, $"lead{i}@example.com"));
        }

        Assert.Equal(count, (await Pipeline.DrainAsync(_services, QueueNames.LeadSync)).Count);
        return ids;
    }

    [Fact]
    public async Task A_lead_inside_its_sla_is_not_escalated()
    {
        await SyncedLeadsAsync(1);
        _services.Time.Advance(TimeSpan.FromMinutes(59));

        var report = await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);

        Assert.Equal(0, report!.Due);
        Assert.Empty(await Pipeline.DrainAsync(_services, QueueNames.Notifications));
    }

    [Fact]
    public async Task Four_concurrent_sweeps_fire_each_lead_and_level_exactly_once()
    {
        var ids = await SyncedLeadsAsync(12);

        _services.Time.Advance(TimeSpan.FromMinutes(61));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Pipeline.RunJobAsync(_services, JobNames.SlaSweep)));
        var firstWave = await Pipeline.DrainAsync(_services, QueueNames.Notifications);

        _services.Time.Advance(TimeSpan.FromMinutes(31));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Pipeline.RunJobAsync(_services, JobNames.SlaSweep)));
        var secondWave = await Pipeline.DrainAsync(_services, QueueNames.Notifications);

        Assert.Equal(ids.Select(id => $"{id}|1").Order(), firstWave.Order());
        Assert.Equal(ids.Select(id => $"{id}|2").Order(), secondWave.Order());
        foreach (var id in ids)
        {
            var lead = await _services.Get<ILeadStore>().GetAsync(id, CancellationToken.None);
            Assert.Equal(2, lead!.EscalationLevel);
            var escalations = (await _services.Get<ILeadStore>().GetTimelineAsync(id, CancellationToken.None)).Count(e => e.Event == LeadEvents.Escalated);
            Assert.Equal(2, escalations);
            Assert.NotNull(await _services.Get<INoticeStore>().GetAsync(id, 1, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Four_concurrent_sweeps_over_more_leads_than_one_index_transaction_holds_fire_each_level_once()
    {
        // 120 due hints span two due-index transactions; the four runs race on the same hints and lead rows.
        var ids = await SyncedLeadsAsync(120);

        _services.Time.Advance(TimeSpan.FromMinutes(61));
        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Pipeline.RunJobAsync(_services, JobNames.SlaSweep)));
        var firstWave = await Pipeline.DrainAsync(_services, QueueNames.Notifications);

        _services.Time.Advance(TimeSpan.FromMinutes(31));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Pipeline.RunJobAsync(_services, JobNames.SlaSweep)));
        var secondWave = await Pipeline.DrainAsync(_services, QueueNames.Notifications);

        Assert.Equal(120, reports.Sum(r => r!.Acted));
        Assert.All(reports, r => Assert.Equal(0, r!.Failed));
        Assert.Equal(ids.Select(id => $"{id}|1").Order(), firstWave.Order());
        Assert.Equal(ids.Select(id => $"{id}|2").Order(), secondWave.Order());
        foreach (var id in ids)
        {
            Assert.Empty(await _services.Get<INoticeStore>().ListUnsentAsync(id, CancellationToken.None));
        }

        // Every hint was handled: nothing is left due in the index, so a further run finds nothing.
        _services.Time.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, (await Pipeline.RunJobAsync(_services, JobNames.SlaSweep))!.Due);
    }

    [Fact]
    public async Task A_sweep_reads_each_due_lead_once_and_writes_the_escalation_on_that_read()
    {
        await SyncedLeadsAsync(5);
        _services.Time.Advance(TimeSpan.FromMinutes(61));

        using var leadReads = new Crm.LeadPointReads();
        var report = await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);

        Assert.Equal(5, report!.Acted);
        Assert.Equal(5, leadReads.Count);
    }

    [Fact]
    public async Task A_level_reached_by_another_writer_in_between_is_not_fired_again_and_its_next_rung_is_filed()
    {
        var id = (await SyncedLeadsAsync(1))[0];
        _services.Time.Advance(TimeSpan.FromMinutes(61));
        var store = _services.Get<ILeadStore>();

        // Another sweep escalates the lead between this run's read and its write: the write on the stale ETag loses.
        var wrapped = new RacingLeadStore(store, async () =>
        {
            var lead = await store.GetAsync(id, CancellationToken.None);
            var change = LeadSync.Core.Sla.EscalationLadder.Escalate(_services.Get<LeadSync.Core.Sla.ISlaPolicy>(), lead!, _services.Time.GetUtcNow());
            Assert.Equal(LeadUpdateStatus.Updated, (await store.UpdateAsync(change!, CancellationToken.None)).Status);
        });
        var sweep = ActivatorUtilities.CreateInstance<LeadSync.Core.Sla.SlaSweep>(_services.Services, wrapped, new LeadMutator(wrapped));
        var report = await sweep.RunAsync(CancellationToken.None);

        Assert.Equal(0, report.Acted);
        Assert.Empty(await Pipeline.DrainAsync(_services, QueueNames.Notifications));
        Assert.Equal(1, (await store.GetTimelineAsync(id, CancellationToken.None)).Count(e => e.Event == LeadEvents.Escalated));

        // The next rung's hint was filed from the fresh read, so level 2 fires when due.
        _services.Time.Advance(TimeSpan.FromMinutes(31));
        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);
        Assert.Equal([$"{id}|2"], await Pipeline.DrainAsync(_services, QueueNames.Notifications));
    }

    [Fact]
    public async Task Delivered_notices_are_marked_sent_and_land_in_the_outbox()
    {
        var id = (await SyncedLeadsAsync(1))[0];
        _services.Time.Advance(TimeSpan.FromMinutes(61));

        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);
        await Pipeline.DrainAsync(_services, QueueNames.Notifications);

        var notice = await _services.Get<INoticeStore>().GetAsync(id, 1, CancellationToken.None);
        Assert.True(notice!.IsSent);
        Assert.Equal("outbox", notice.DeliveredTo);
        Assert.Empty(await _services.Get<INoticeStore>().ListUnsentAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task A_lead_sales_has_contacted_is_recorded_and_its_ladder_stops()
    {
        var ids = await SyncedLeadsAsync(2);
        var sandbox = _services.Get<SandboxCrmGateway>();
        var touchedAt = _services.Time.GetUtcNow().AddMinutes(20);
        await sandbox.RecordActivityAsync(ids[0], CrmLeadState.Contacted, touchedAt, CancellationToken.None);

        _services.Time.Advance(TimeSpan.FromMinutes(61));
        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);
        _services.Time.Advance(TimeSpan.FromMinutes(31));
        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);

        var contacted = await _services.Get<ILeadStore>().GetAsync(ids[0], CancellationToken.None);
        Assert.Equal(LeadStatus.Contacted, contacted!.Status);
        Assert.Equal(touchedAt, contacted.FirstTouchAt);
        Assert.Equal(0, contacted.EscalationLevel);
        Assert.Equal([$"{ids[1]}|1", $"{ids[1]}|2"], await Pipeline.DrainAsync(_services, QueueNames.Notifications));
    }

    [Fact]
    public async Task A_lost_notify_message_is_re_sent_by_the_redrive_job()
    {
        var id = (await SyncedLeadsAsync(1))[0];
        _services.Time.Advance(TimeSpan.FromMinutes(61));
        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);
        var queue = await _services.Get<LeadSync.Infrastructure.Storage.StorageClients>().QueueAsync(QueueNames.Notifications, CancellationToken.None);
        await queue.ClearMessagesAsync();

        _services.Time.Advance(TimeSpan.FromMinutes(6));
        await Pipeline.RunJobAsync(_services, JobNames.Redrive);

        Assert.Equal([$"{id}|1"], await Pipeline.DrainAsync(_services, QueueNames.Notifications));
        Assert.True((await _services.Get<INoticeStore>().GetAsync(id, 1, CancellationToken.None))!.IsSent);
    }
}
