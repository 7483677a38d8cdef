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
        signal.ObserveMessage(LeadSyncMessage.MaxLeads);

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
        signal.ObserveMessage(8);
        Assert.Equal(8, signal.LeadsPerMessage);

        for (var i = 0; i < 500; i++)
        {
            signal.ObserveMessage(1);
        }

        Assert.InRange(signal.LeadsPerMessage, 1, 1.01);
        signal.ObserveMessage(0);
        Assert.InRange(signal.LeadsPerMessage, 1, 1.01);
    }

    [Fact]
    public void A_stale_sample_is_no_backlog_however_many_leads_it_held()
    {
        var signal = new SyncBacklogSignal(_time);
        signal.Report(500);
        signal.ObserveMessage(LeadSyncMessage.MaxLeads);
        _time.Advance(SyncBacklogSignal.Freshness + TimeSpan.FromSeconds(1));

        Assert.False(signal.IsBacklogged(1000));
    }
}
