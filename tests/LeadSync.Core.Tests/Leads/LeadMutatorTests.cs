using LeadSync.Core.Leads;
using LeadSync.Core.Tests.Intake;

namespace LeadSync.Core.Tests.Leads;

public sealed class LeadMutatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_change_decided_on_a_stale_version_loses_on_its_etag_and_is_decided_again_on_the_latest()
    {
        var store = new InMemoryLeadStore();
        var lead = new LeadBuilder().WithStatus(LeadStatus.SalesReady).Build();
        await store.CreateAsync(new LeadChange(lead, []), CancellationToken.None);
        var stale = await store.GetAsync(lead.Id, CancellationToken.None);
        await store.UpdateAsync(new LeadChange(stale! with { Owner = "someone-else" }, []), CancellationToken.None);
        var decidedOn = new List<string?>();

        var written = await new LeadMutator(store).MutateAsync(stale!, l =>
        {
            decidedOn.Add(l.Owner);
            return new LeadChange(l with { SyncAttempts = l.SyncAttempts + 1 }, [new TimelineEntry(Now, "test", "test.event", "Counted.")]);
        }, CancellationToken.None);

        Assert.Equal([null, "someone-else"], decidedOn);
        var stored = await store.GetAsync(lead.Id, CancellationToken.None);
        Assert.Equal(1, stored!.SyncAttempts);
        Assert.Equal("someone-else", stored.Owner);
        Assert.Equal(stored.ETag, written!.Lead.ETag);
    }
}
