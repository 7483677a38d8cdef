using LeadSync.Core.Leads;
using LeadSync.Core.Tests.Intake;

namespace LeadSync.Core.Tests.Leads;

/// <summary>Forced contention: writers that keep losing on their ETag retry with back-off, and never lose work silently.</summary>
public sealed class LeadMutatorContentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_change_that_loses_six_times_in_a_row_is_still_applied()
    {
        // The old mutator gave up after 5 conflicts and returned null, as if there had been nothing to do.
        var (store, leadId) = await ContendedAsync(losses: 6);

        var written = await new LeadMutator(store).MutateAsync(leadId, Count, CancellationToken.None);

        Assert.NotNull(written);
        var stored = await store.GetAsync(leadId, CancellationToken.None);
        Assert.Equal(1, stored!.SyncAttempts);
        Assert.Equal("rival-6", stored.Owner);
        Assert.Equal(7, store.Updates);
    }

    [Fact]
    public async Task Exhausted_retries_throw_contention_instead_of_returning_nothing_to_do_and_leave_a_timeline_entry()
    {
        var (store, leadId) = await ContendedAsync(losses: int.MaxValue);

        var thrown = await Assert.ThrowsAsync<LeadContentionException>(() => new LeadMutator(store).MutateAsync(leadId, Count, CancellationToken.None));

        Assert.Equal(leadId, thrown.LeadId);
        Assert.Equal(LeadMutator.MaxAttempts, thrown.Attempts);
        Assert.Equal(0, (await store.GetAsync(leadId, CancellationToken.None))!.SyncAttempts);
        var timeline = await store.GetTimelineAsync(leadId, CancellationToken.None);
        var note = Assert.Single(timeline, e => e.Event == LeadEvents.WriteContended);
        Assert.Contains("test.counted", note.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_to_do_is_still_null_and_not_an_error()
    {
        var (store, leadId) = await ContendedAsync(losses: 0);

        var written = await new LeadMutator(store).MutateAsync(leadId, _ => null, CancellationToken.None);

        Assert.Null(written);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(3, 40)]
    [InlineData(9, 500)]
    public void Back_off_is_jittered_up_to_an_exponential_cap(int attempt, int capMilliseconds)
    {
        var waits = Enumerable.Range(0, 200).Select(_ => LeadMutator.Backoff(attempt)).ToList();

        Assert.All(waits, w => Assert.InRange(w.TotalMilliseconds, 0, capMilliseconds));
        Assert.True(waits.Distinct().Count() > 1, "The back-off has no jitter.");
    }

    [Fact]
    public async Task Back_off_waits_on_the_injected_time_provider()
    {
        // Three losses mean three jittered waits; all three drawing 0 ms is a ~1 in 9,000 chance.
        var (store, leadId) = await ContendedAsync(losses: 3);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);

        var mutation = new LeadMutator(store, time).MutateAsync(leadId, Count, CancellationToken.None);
        await Task.Delay(200);
        Assert.False(mutation.IsCompleted, "The mutator did not wait on the injected clock.");
        for (var i = 0; i < 20 && !mutation.IsCompleted; i++)
        {
            time.Advance(LeadMutator.MaxDelay);
            await Task.Delay(20);
        }

        Assert.NotNull(await mutation.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static LeadChange? Count(Lead lead) =>
        new(lead with { SyncAttempts = lead.SyncAttempts + 1 }, [new TimelineEntry(Now, "test", "test.counted", "Counted.")]);

    private static async Task<(ContendedLeadStore Store, string LeadId)> ContendedAsync(int losses)
    {
        var inner = new InMemoryLeadStore();
        var lead = new LeadBuilder().WithStatus(LeadStatus.SalesReady).Build();
        await inner.CreateAsync(new LeadChange(lead, []), CancellationToken.None);
        return (new ContendedLeadStore(inner, losses), lead.Id);
    }
}
