using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Inbox;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadSync.Core.Tests.Intake.Inbox;

/// <summary>
/// <c>LeadSync:Intake:Filing = Queue</c> (the Functions app): the receiving instance hands the delivery's id to the
/// <c>lead-file</c> queue before it answers and keeps nothing in memory; any instance files it from the message.
/// </summary>
public sealed class QueueFilingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_receiver_sends_the_delivery_id_to_the_lead_file_queue_and_holds_nothing_in_memory()
    {
        var harness = new InboxHarness(new FakeTimeProvider(Now), new IntakeOptions { Filing = InboxFilingMode.Queue });

        var check = await harness.Receiver.ReceiveAsync(harness.Signed("msg_1"), CancellationToken.None);

        Assert.True(check.Passed);
        var id = Assert.Single(harness.Inbox.Ids);
        harness.Queue.Verify(q => q.EnqueueAsync(QueueNames.InboxFile, id, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(0, harness.Pump.Held);
        harness.StoredLeads(0);
    }

    [Fact]
    public async Task A_failed_hand_off_still_acknowledges_the_stored_delivery_which_recovery_files_later()
    {
        var time = new FakeTimeProvider(Now);
        var harness = new InboxHarness(time, new IntakeOptions { Filing = InboxFilingMode.Queue });
        harness.Queue.Setup(q => q.EnqueueAsync(QueueNames.InboxFile, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new StorageUnavailableException("queue down"));

        var check = await harness.Receiver.ReceiveAsync(harness.Signed("msg_1"), CancellationToken.None);

        Assert.True(check.Passed);
        Assert.Single(harness.Inbox.Ids);
        time.Advance(harness.Options.InboxRecoverAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await harness.Pump.RecoverAsync(CancellationToken.None));
        Assert.Empty(harness.Inbox.Ids);
        harness.StoredLeads(1);
    }

    [Fact]
    public async Task A_hand_off_that_does_not_finish_in_time_answers_anyway()
    {
        var time = new FakeTimeProvider(Now);
        var harness = new InboxHarness(time, new IntakeOptions { Filing = InboxFilingMode.Queue });
        var never = new TaskCompletionSource();
        harness.Queue.Setup(q => q.EnqueueAsync(QueueNames.InboxFile, It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns(never.Task);

        var receiving = harness.Receiver.ReceiveAsync(harness.Signed("msg_1"), CancellationToken.None);
        while (!receiving.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(5);
        }

        Assert.True((await receiving).Passed);
        Assert.Single(harness.Inbox.Ids);
        Assert.True(time.GetUtcNow() - Now <= TimeSpan.FromSeconds(3), "The answer waited past the hand-off patience.");
    }

    [Fact]
    public async Task Another_instance_files_every_delivery_a_message_names_and_a_redelivered_message_files_nothing_twice()
    {
        var time = new FakeTimeProvider(Now);
        var receiving = new InboxHarness(time, new IntakeOptions { Filing = InboxFilingMode.Queue });
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            await receiving.Receiver.ReceiveAsync(receiving.Signed($"msg_{i}", email: $"lead{i}@example.com"), CancellationToken.None);
        }

        ids.AddRange(receiving.Inbox.Ids);
        var filing = new InboxHarness(time, new IntakeOptions { Filing = InboxFilingMode.Queue }, receiving.Inbox);

        var first = await filing.Pump.FileQueuedAsync(InboxFileMessage.DeliveryIds(InboxFileMessage.Of(ids)), CancellationToken.None);
        var (pointReads, manyReads) = (receiving.Inbox.Gets, receiving.Inbox.ManyReads);
        var again = await filing.Pump.FileQueuedAsync(ids, CancellationToken.None);

        // The five were read back together.
        Assert.Equal((0, 1), (pointReads, manyReads));
        Assert.True(first.Completed, first.Detail);
        Assert.True(again.Completed, again.Detail);
        Assert.Empty(receiving.Inbox.Ids);
        filing.StoredLeads(5);
        receiving.StoredLeads(0);
        for (var i = 0; i < 5; i++)
        {
            var leadId = LeadIdFactory.FromDelivery("generic", $"msg_{i}");
            filing.Store.Verify(s => s.CreateAsync(It.Is<LeadChange>(c => c.Lead.Id == leadId), It.IsAny<CancellationToken>()), Times.Once);
        }
    }

    [Fact]
    public async Task Storage_down_while_filing_a_message_asks_for_a_retry_and_keeps_the_deliveries()
    {
        var time = new FakeTimeProvider(Now);
        var harness = new InboxHarness(time, new IntakeOptions { Filing = InboxFilingMode.Queue });
        await harness.Receiver.ReceiveAsync(harness.Signed("msg_1"), CancellationToken.None);
        var ids = harness.Inbox.Ids.ToList();
        harness.Inbox.Down = true;

        var outcome = await harness.Pump.FileQueuedAsync(ids, CancellationToken.None);

        Assert.False(outcome.Completed);
        Assert.NotNull(outcome.RetryAfter);
        harness.Inbox.Down = false;
        Assert.Single(harness.Inbox.Ids);
        Assert.True((await harness.Pump.FileQueuedAsync(ids, CancellationToken.None)).Completed);
        harness.StoredLeads(1);
    }

    [Fact]
    public async Task Queue_filing_does_no_start_up_scan_of_the_inbox()
    {
        // Every instance of a scaled-out Functions app starting up would otherwise file the whole inbox at once.
        var time = new FakeTimeProvider(Now);
        var harness = new InboxHarness(time, new IntakeOptions { Filing = InboxFilingMode.Queue });
        await harness.Inbox.AddAsync(InboxDelivery.Arrived(harness.Signed("left"), Now.AddSeconds(-5)), CancellationToken.None);
        var inProcess = new InboxHarness(time, new IntakeOptions(), harness.Inbox);
        using var stop = new CancellationTokenSource();

        var queued = harness.Pump.RunAsync(stop.Token);
        await Task.Delay(300);
        harness.StoredLeads(0);
        var scanning = inProcess.Pump.RunAsync(stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (harness.Inbox.Ids.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await Task.WhenAll(queued, scanning);
        harness.StoredLeads(0);
        inProcess.StoredLeads(1);
    }

    [Fact]
    public void A_message_body_lists_each_delivery_once()
    {
        Assert.Equal(["a", "b"], InboxFileMessage.DeliveryIds(" a b  a\r\n"));
    }
}
