using LeadSync.Core.Crm;
using LeadSync.Core.Storage;
using LeadSync.Core.Telemetry;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;
using Microsoft.Extensions.Options;

namespace LeadSync.Integration.Tests.Storage;

/// <summary>
/// <c>lead-sync</c> hand-offs under steady traffic wait <c>LeadSync:Storage:LeadSyncLinger</c> for company, not the
/// shorter group-commit linger of table writes: fewer, fuller messages (each one is a put, a receive and a delete).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LeadSyncLingerTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Hand_offs_that_follow_a_recent_one_wait_the_lead_sync_linger_and_share_one_message()
    {
        var clients = new StorageClients(Options.Create(new StorageOptions
        {
            ConnectionString = azurite.Azurite.ConnectionString,
            TablePrefix = AzuriteFixture.NewPrefix(),
            GroupCommitLinger = TimeSpan.Zero,
            LeadSyncLinger = TimeSpan.FromSeconds(1),
        }));
        var queue = new StorageWorkQueue(clients);

        // An idle hand-off goes in a message of its own.
        await queue.EnqueueAsync(QueueNames.LeadSync, "lead-0", CancellationToken.None).WaitAsync(HangGuard);

        // Then steady traffic: ten hand-offs 10 ms apart, well inside the linger of the first of them.
        var handOffs = new List<Task>();
        for (var i = 1; i <= 10; i++)
        {
            handOffs.Add(queue.EnqueueAsync(QueueNames.LeadSync, $"lead-{i}", CancellationToken.None));
            await Task.Delay(10);
        }

        await Task.WhenAll(handOffs).WaitAsync(HangGuard);

        var stored = await clients.QueueAsync(QueueNames.LeadSync, CancellationToken.None);
        var messages = (await stored.ReceiveMessagesAsync(maxMessages: 32)).Value
            .Select(m => LeadSyncMessage.LeadIds(WorkMessage.Unwrap(m.MessageText).Body).Order(StringComparer.Ordinal).ToList())
            .OrderBy(ids => ids.Count)
            .ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal(["lead-0"], messages[0]);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"lead-{i}").Order(StringComparer.Ordinal), messages[1]);
    }
}
