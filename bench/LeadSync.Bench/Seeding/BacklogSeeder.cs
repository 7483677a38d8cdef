using LeadSync.Core.Intake;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace LeadSync.Bench.Seeding;

/// <summary>
/// A sync backlog as a CRM outage leaves it: sales-ready leads stored by the real TableLeadStore, each with the
/// safety-net hint filing files first (the real TableDueIndex, due the default delay after receipt) and its lead-sync
/// queue message sent by the real StorageWorkQueue. A drain that starts before the hints fall due removes them, as the
/// sync does for leads filed through intake.
/// </summary>
public static class BacklogSeeder
{
    public static async Task SeedAsync(string connectionString, string tag, int count, CancellationToken cancellationToken)
    {
        var clients = new StorageClients(Options.Create(new StorageOptions { ConnectionString = connectionString }));
        var store = new TableLeadStore(clients, TimeProvider.System);
        var queue = new StorageWorkQueue(clients);
        var dueIndex = new TableDueIndex(clients, TimeProvider.System);
        var delay = new IntakeOptions().SyncSafetyNetDelay;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (n, ct) =>
        {
            // Each lead received when it is seeded, as an outage's backlog builds up over time: its hints and report row
            // land in the partitions of its own second.
            var receivedAt = DateTimeOffset.UtcNow;
            var lead = BenchLeads.Create(tag, n, LeadStatus.SalesReady, receivedAt);
            await dueIndex.ScheduleAsync(HandOffSafetyNet.Filed(lead, delay)!, ct);
            await store.CreateAsync(new LeadChange(lead, [new TimelineEntry(receivedAt, "intake", LeadEvents.Received, "Seeded backlog lead.")]), ct);
            await queue.EnqueueAsync(QueueNames.LeadSync, lead.Id, ct);
        });
    }
}
