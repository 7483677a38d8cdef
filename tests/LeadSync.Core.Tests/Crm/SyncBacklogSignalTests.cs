using LeadSync.Core.Crm;
using Microsoft.Extensions.Time.Testing;

namespace LeadSync.Core.Tests.Crm;

public sealed class SyncBacklogSignalTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_backlog_of_few_messages_that_carry_many_leads_counts_its_leads()
    {
        var signal = new SyncBacklogSignal(_time);
        signal.Report(20);
        signal.Handling(LeadSyncMessage.MaxLeads).Dispose();

        // 20 messages × 100 leads: 2,000 leads wait, though the queue holds far fewer than 1,000 messages.
        Assert.True(signal.IsBacklogged(1000));
        Assert.False(signal.IsBacklogged(2001));
    }

    [Fact]
    public void Until_a_message_is_seen_each_message_counts_as_one_lead()
    {
        var signal = new SyncBacklogSignal(_time);
        signal.Report(999);
        Assert.Equal(1, signal.LeadsPerMessage);
        Assert.False(signal.IsBacklogged(1000));

        signal.Report(1000);
        Assert.True(signal.IsBacklogged(1000));
    }

    [Fact]
    public void Leads_per_message_follow_the_messages_handled_lately()
    {
        var signal = new SyncBacklogSignal(_time);
        signal.Handling(8).Dispose();
        Assert.Equal(8, signal.LeadsPerMessage);

        for (var i = 0; i < 500; i++)
        {
            signal.Handling(1).Dispose();
        }

        Assert.InRange(signal.LeadsPerMessage, 1, 1.01);
        signal.Handling(0).Dispose();
        Assert.InRange(signal.LeadsPerMessage, 1, 1.01);
    }

    [Fact]
    public void A_stale_sample_is_no_backlog_however_many_leads_it_held()
    {
        var signal = new SyncBacklogSignal(_time);
        signal.Report(500);
        signal.Handling(LeadSyncMessage.MaxLeads).Dispose();
        _time.Advance(SyncBacklogSignal.Freshness + TimeSpan.FromSeconds(1));

        Assert.False(signal.IsBacklogged(1000));
    }

    [Fact]
    public void The_backlog_is_in_hand_once_this_process_has_taken_up_the_leads_the_sample_held()
    {
        var signal = new SyncBacklogSignal(_time);
        signal.Report(1000);
        for (var i = 0; i < 999; i++)
        {
            signal.Handling(1).Dispose();
        }

        Assert.False(signal.IsTakenUp);
        signal.Handling(1).Dispose();
        Assert.True(signal.IsTakenUp);
        Assert.True(signal.IsBacklogged(1000));

        // The next sample starts the count again.
        signal.Report(1500);
        Assert.False(signal.IsTakenUp);
    }

    [Fact]
    public void Messages_in_hand_when_the_sample_is_taken_are_not_waited_for_again()
    {
        var signal = new SyncBacklogSignal(_time);
        var inHand = Enumerable.Range(0, 300).Select(_ => signal.Handling(1)).ToList();
        signal.Report(1000);

        for (var i = 0; i < 699; i++)
        {
            signal.Handling(1).Dispose();
        }

        Assert.False(signal.IsTakenUp);
        signal.Handling(1).Dispose();
        Assert.True(signal.IsTakenUp);
        inHand.ForEach(h => h.Dispose());
    }
}
