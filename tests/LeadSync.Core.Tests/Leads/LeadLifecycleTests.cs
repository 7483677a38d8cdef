using LeadSync.Core.Leads;

namespace LeadSync.Core.Tests.Leads;

public sealed class LeadLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(LeadStatus.Received, LeadStatus.SalesReady)]
    [InlineData(LeadStatus.Received, LeadStatus.Nurture)]
    [InlineData(LeadStatus.SalesReady, LeadStatus.Synced)]
    [InlineData(LeadStatus.Synced, LeadStatus.Contacted)]
    [InlineData(LeadStatus.Synced, LeadStatus.Recycled)]
    [InlineData(LeadStatus.Contacted, LeadStatus.Converted)]
    [InlineData(LeadStatus.Contacted, LeadStatus.Disqualified)]
    [InlineData(LeadStatus.Recycled, LeadStatus.SalesReady)]
    public void Allowed_moves_produce_the_next_version_and_a_timeline_entry(LeadStatus from, LeadStatus to)
    {
        var lead = new LeadBuilder().WithStatus(from).Build();

        var change = LeadLifecycle.Transition(lead, to, Now, "tester", "because");

        Assert.Equal(to, change.Lead.Status);
        Assert.Equal(Now, change.Lead.StatusChangedAt);
        var entry = Assert.Single(change.Entries);
        Assert.Equal(LeadLifecycle.EventFor(to), entry.Event);
        Assert.Equal("tester", entry.Actor);
    }

    [Theory]
    [InlineData(LeadStatus.Received, LeadStatus.Synced)]
    [InlineData(LeadStatus.Received, LeadStatus.Contacted)]
    [InlineData(LeadStatus.SalesReady, LeadStatus.Contacted)]
    [InlineData(LeadStatus.Nurture, LeadStatus.Synced)]
    [InlineData(LeadStatus.Converted, LeadStatus.Recycled)]
    [InlineData(LeadStatus.Disqualified, LeadStatus.SalesReady)]
    [InlineData(LeadStatus.Contacted, LeadStatus.Synced)]
    public void Illegal_moves_are_rejected(LeadStatus from, LeadStatus to)
    {
        var lead = new LeadBuilder().WithStatus(from).Build();

        var ex = Assert.Throws<IllegalLeadTransitionException>(() => LeadLifecycle.Transition(lead, to, Now, "tester", "no"));

        Assert.Equal(from, ex.From);
        Assert.Equal(to, ex.To);
        Assert.False(LeadLifecycle.IsAllowed(from, to));
    }

    [Fact]
    public void Terminal_states_allow_no_move()
    {
        foreach (var to in Enum.GetValues<LeadStatus>())
        {
            Assert.False(LeadLifecycle.IsAllowed(LeadStatus.Converted, to));
            Assert.False(LeadLifecycle.IsAllowed(LeadStatus.Disqualified, to));
        }
    }
}
