using System.Collections.Concurrent;
using LeadSync.Core.Crm;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Core.Telemetry;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;
using LeadSync.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace LeadSync.Integration.Tests.Crm;

/// <summary>
/// Lead-sync messages that carry many leads (issue 20: one put and one delete per group): hand-offs made together
/// share a message, and handling one stays exactly-once per lead when the CRM refuses part of a batch or the message
/// comes back twice.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MultiLeadSyncMessageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, int> _upserts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _accepted = new(StringComparer.Ordinal);
    private TestServices _services = null!;
    private Func<Lead, int, bool> _refuse = (_, _) => false;

    public Task InitializeAsync()
    {
        var crm = MockCrm.AnsweringEach(l =>
        {
            var attempt = _upserts.AddOrUpdate(l.Id, 1, (_, n) => n + 1);
            if (_refuse(l, attempt))
            {
                // A row lock: the CRM answered and refused this lead for now (failure class Refused, which uses an attempt).
                return new CrmUpsertResult(l.Id, new CrmOutcome(CrmOutcomeKind.Transient, "UNABLE_TO_LOCK_ROW") { AboutRecord = true });
            }

            _accepted.AddOrUpdate(l.Id, 1, (_, n) => n + 1);
            return MockCrm.Taken(l);
        });
        _services = MockCrm.Services(azurite, crm, linger: "00:00:00.050");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Leads_handed_off_together_share_messages_and_each_reaches_the_crm_once()
    {
        var ids = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 40), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, _) => ids.Add(await Pipeline.IntakeAsync(_services, $"together{i}@example.com")));

        var queue = await _services.Get<StorageClients>().QueueAsync(QueueNames.LeadSync, CancellationToken.None);
        var messages = (await queue.PeekMessagesAsync(32)).Value;
        var carried = messages.SelectMany(m => LeadSyncMessage.LeadIds(WorkMessage.Unwrap(m.MessageText).Body)).ToList();
        Assert.True(messages.Length < 40, $"{messages.Length} messages for 40 leads");
        Assert.Equal(ids.Order(StringComparer.Ordinal), carried.Order(StringComparer.Ordinal));

        var handled = await Pipeline.DrainAsync(_services, QueueNames.LeadSync);

        Assert.Equal(40, handled.Count);
        Assert.All(ids, id => Assert.Equal(1, _accepted[id]));
        Assert.All(ids, id => Assert.Equal(1, _upserts[id]));
    }

    [Fact]
    public async Task Handling_a_message_tells_the_backlog_signal_how_many_leads_messages_carry()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await Pipeline.IntakeAsync(_services, $"carried{i}@example.com"));
        }

        var outcome = await _services.Get<QueueWork>().HandleAsync(QueueNames.LeadSync, WorkMessage.Wrap(LeadSyncMessage.Of(ids)), CancellationToken.None);

        // 334 sampled messages of 3 leads are 1,002 leads: a backlog, though fewer than 1,000 messages wait.
        var signal = _services.Get<SyncBacklogSignal>();
        Assert.True(outcome.Completed, outcome.Detail);
        Assert.Equal(3, signal.LeadsPerMessage);
        signal.Report(334);
        Assert.True(signal.IsBacklogged(1000));
    }

    [Fact]
    public async Task A_message_whose_crm_batch_partly_fails_comes_back_and_only_the_refused_leads_are_upserted_again()
    {
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(await Pipeline.IntakeAsync(_services, $"partial{i}@example.com"));
        }

        var refused = ids.Where((_, i) => i % 3 == 0).ToHashSet(StringComparer.Ordinal);
        _refuse = (lead, attempt) => refused.Contains(lead.Id) && attempt == 1;
        var work = _services.Get<QueueWork>();
        var message = WorkMessage.Wrap(LeadSyncMessage.Of(ids));

        var first = await work.HandleAsync(QueueNames.LeadSync, message, CancellationToken.None);
        var second = await work.HandleAsync(QueueNames.LeadSync, message, CancellationToken.None);

        // A duplicate delivery of the same message after it was done changes nothing either.
        var duplicate = await work.HandleAsync(QueueNames.LeadSync, message, CancellationToken.None);

        Assert.False(first.Completed);
        Assert.True(second.Completed, second.Detail);
        Assert.True(duplicate.Completed, duplicate.Detail);
        Assert.All(ids, id => Assert.Equal(refused.Contains(id) ? 2 : 1, _upserts[id]));
        Assert.All(ids, id => Assert.Equal(1, _accepted[id]));
        var store = _services.Get<ILeadStore>();
        foreach (var id in ids)
        {
            var lead = await store.GetAsync(id, CancellationToken.None);
            Assert.Equal(LeadStatus.Synced, lead!.Status);
            Assert.Equal(refused.Contains(id) ? 2 : 1, lead.SyncAttempts);
        }
    }
}
