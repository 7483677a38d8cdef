using System.Text;
using Azure.Data.Tables;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Inbox;
using LeadSync.Core.Intake.Quarantine;
using LeadSync.Core.Jobs;
using LeadSync.Core.Notifications;
using LeadSync.Core.Retention;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Notifications;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Retention;

/// <summary>The retention job on Azurite with a fake clock: each kind of row goes at its age, not before, a page at a time.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RetentionJobTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    private TestServices Services(int batchSize = 500) => TestServices.Create(azurite.ConnectionString, new Dictionary<string, string?>
    {
        ["LeadSync:Retention:RawPayloadAge"] = "30.00:00:00",
        ["LeadSync:Retention:QuarantineAge"] = "20.00:00:00",
        ["LeadSync:Retention:OutboxAge"] = "10.00:00:00",
        ["LeadSync:Retention:InboxAge"] = "2.00:00:00",
        ["LeadSync:Retention:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }, Start);

    private static Task<JobReport?> RunAsync(TestServices services) => Pipeline.RunJobAsync(services, JobNames.Retention);

    [Fact]
    public async Task Raw_payloads_are_cleared_once_the_lead_is_older_than_the_age_and_not_before()
    {
        await using var services = Services();
        var old = await Pipeline.IntakeAsync(services, "old@example.com");
        services.Time.Advance(TimeSpan.FromDays(29));
        var young = await Pipeline.IntakeAsync(services, "young@example.com");
        var store = services.Get<ILeadStore>();

        await RunAsync(services);
        Assert.NotNull((await store.GetAsync(old, CancellationToken.None))!.RawPayload);

        services.Time.Advance(TimeSpan.FromDays(2));
        var report = await RunAsync(services);

        Assert.Equal(1, report!.Acted);
        var cleared = (await store.GetAsync(old, CancellationToken.None))!;
        Assert.Null(cleared.RawPayload);
        Assert.Equal("old@example.com", cleared.Contact.Email);
        Assert.NotNull((await store.GetAsync(young, CancellationToken.None))!.RawPayload);
    }

    [Fact]
    public async Task A_run_clears_at_most_a_batch_and_the_next_run_continues_after_the_cursor()
    {
        await using var services = Services(batchSize: 2);
        var leads = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            leads.Add(await Pipeline.IntakeAsync(services, $"batch{i}@example.com"));
        }

        services.Time.Advance(TimeSpan.FromDays(32));
        var runs = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            runs.Add((await RunAsync(services))!.Acted);
        }

        Assert.Equal([2, 2, 1, 0], runs);
        foreach (var id in leads)
        {
            Assert.Null((await services.Get<ILeadStore>().GetAsync(id, CancellationToken.None))!.RawPayload);
        }
    }

    [Fact]
    public async Task Quarantine_and_outbox_rows_go_at_their_ages_and_younger_rows_stay()
    {
        await using var services = Services();
        var quarantine = services.Get<IQuarantineStore>();
        var oldItem = await QuarantineAsync(services, "old");
        await OutboxAsync(services, "ld_0000000000000000000000old");
        services.Time.Advance(TimeSpan.FromDays(15));
        var youngItem = await QuarantineAsync(services, "young");
        await OutboxAsync(services, "ld_000000000000000000000young");

        services.Time.Advance(TimeSpan.FromDays(6));
        await RunAsync(services);

        Assert.Null(await quarantine.GetAsync(oldItem, CancellationToken.None));
        Assert.NotNull(await quarantine.GetAsync(youngItem, CancellationToken.None));
        Assert.Equal(["ld_000000000000000000000young"], await OutboxPartitionsAsync(services));
    }

    [Fact]
    public async Task An_inbox_row_never_filed_moves_to_the_quarantine_at_its_age_and_replays_into_a_lead()
    {
        await using var services = Services();
        var inbox = services.Get<IIntakeInbox>();
        var stuck = InboxDelivery.Arrived(Pipeline.SignedGeneric(services, "stuck@example.com"), services.Time.GetUtcNow());
        await inbox.AddAsync(stuck, CancellationToken.None);
        services.Time.Advance(TimeSpan.FromDays(1));
        var fresh = InboxDelivery.Arrived(Pipeline.SignedGeneric(services, "fresh@example.com"), services.Time.GetUtcNow());
        await inbox.AddAsync(fresh, CancellationToken.None);

        await RunAsync(services);
        Assert.NotNull(await inbox.GetAsync(stuck.Id, CancellationToken.None));

        services.Time.Advance(TimeSpan.FromDays(1.5));
        await RunAsync(services);

        Assert.Null(await inbox.GetAsync(stuck.Id, CancellationToken.None));
        Assert.NotNull(await inbox.GetAsync(fresh.Id, CancellationToken.None));
        var item = Assert.Single(await services.Get<IQuarantineStore>().ListAsync(10, CancellationToken.None));
        Assert.Equal((RetentionJob.InboxExpiredReason, "generic"), (item.Reason, item.Source));
        var replay = await services.Get<QuarantineReplay>().ReplayAsync(item.Id, CancellationToken.None);
        Assert.Equal(QuarantineReplayStatus.Replayed, replay.Status);
        var lead = await services.Get<ILeadStore>().GetAsync(Assert.Single(replay.Item!.LeadIds), CancellationToken.None);
        Assert.Equal("stuck@example.com", lead!.Contact.Email);
    }

    private static async Task<string> QuarantineAsync(TestServices services, string name)
    {
        var now = services.Time.GetUtcNow();
        var id = $"q_{now.UtcTicks:D19}_{Guid.NewGuid():N}"[..32];
        await services.Get<IQuarantineStore>().AddAsync(new QuarantineItem
        {
            Id = id,
            Source = "generic",
            ReceivedAt = now,
            Reason = name,
            RequestUri = new Uri("http://localhost/api/webhooks/generic"),
            Body = Encoding.UTF8.GetBytes("{}"),
        }, CancellationToken.None);
        return id;
    }

    private static Task OutboxAsync(TestServices services, string leadId)
    {
        var now = services.Time.GetUtcNow();
        return services.Get<OutboxNotifier>().SendAsync(new EscalationMessage
        {
            NoticeId = "n|01",
            LeadId = leadId,
            Level = 1,
            Recipient = "rep",
            LeadName = "x",
            Source = "generic",
            ReceivedAt = now,
            DeadlineAt = now,
            Late = TimeSpan.Zero,
            LeadLink = new Uri("http://localhost/"),
        }, CancellationToken.None);
    }

    private static async Task<List<string>> OutboxPartitionsAsync(TestServices services)
    {
        var table = await services.Get<StorageClients>().TableAsync(TableNames.Outbox, CancellationToken.None);
        var partitions = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            partitions.Add(row.PartitionKey);
        }

        return partitions;
    }
}
