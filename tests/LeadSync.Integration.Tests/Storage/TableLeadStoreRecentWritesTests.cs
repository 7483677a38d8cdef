using LeadSync.Core.Intake.Erasure;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;
using Microsoft.Extensions.Options;

namespace LeadSync.Integration.Tests.Storage;

/// <summary>
/// <see cref="TableLeadStore.RecentWrites"/> on Azurite: what it keeps is what a read returns, every write through the
/// store replaces or drops it, and a write by another store instance (another process) is not seen there but still
/// fails the conditional write decided on the kept version.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableLeadStoreRecentWritesTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private TestServices _services = null!;

    private TableLeadStore Store => _services.Get<TableLeadStore>();

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task The_version_kept_after_a_create_is_the_one_a_read_returns_etag_included()
    {
        var change = NewLead();

        var created = await Store.CreateAsync(change, CancellationToken.None);
        var kept = Store.RecentWrites.Find(change.Lead.Id);
        var read = await Store.GetAsync(change.Lead.Id, CancellationToken.None);

        Assert.NotNull(kept);
        Assert.Equal(read, kept);
        Assert.Equal(created.Lead.ETag, kept.ETag);
        Assert.Same(kept, _services.Get<IRecentLeadWrites>().Find(change.Lead.Id));
    }

    [Fact]
    public async Task An_update_replaces_the_kept_version_and_a_conflicted_one_leaves_nothing()
    {
        var change = NewLead();
        var created = (await Store.CreateAsync(change, CancellationToken.None)).Lead;

        var updated = await Store.UpdateAsync(new LeadChange(created with { Campaign = "spring" }, []), CancellationToken.None);
        var keptAfterUpdate = Store.RecentWrites.Find(created.Id);
        var stale = await Store.UpdateAsync(new LeadChange(created with { Campaign = "stale" }, []), CancellationToken.None);

        Assert.Equal(LeadUpdateStatus.Updated, updated.Status);
        Assert.Equal("spring", keptAfterUpdate!.Campaign);
        Assert.Equal(updated.Lead!.ETag, keptAfterUpdate.ETag);
        Assert.Equal(LeadUpdateStatus.Conflict, stale.Status);
        Assert.Null(Store.RecentWrites.Find(created.Id));
    }

    [Fact]
    public async Task A_redelivered_create_keeps_nothing_because_the_version_it_reads_back_is_not_its_own_write()
    {
        var change = NewLead();
        await Store.CreateAsync(change, CancellationToken.None);
        Store.RecentWrites.Evict(change.Lead.Id);

        var again = await Store.CreateAsync(change, CancellationToken.None);

        Assert.True(again.AlreadyExisted);
        Assert.Null(Store.RecentWrites.Find(change.Lead.Id));
    }

    [Fact]
    public async Task Erasure_leaves_nothing_kept()
    {
        var change = NewLead();
        await Store.CreateAsync(change, CancellationToken.None);

        await _services.Get<ILeadEraser>().EraseAsync(change.Lead.Id, "admin", "test", CancellationToken.None);

        Assert.Null(Store.RecentWrites.Find(change.Lead.Id));
    }

    [Fact]
    public async Task A_write_by_another_instance_fails_the_conditional_write_decided_on_the_kept_version_and_the_mutator_decides_again_on_the_latest()
    {
        var change = NewLead();
        await Store.CreateAsync(change, CancellationToken.None);
        var other = OtherInstance();
        var theirs = await other.GetAsync(change.Lead.Id, CancellationToken.None);
        Assert.Equal(LeadUpdateStatus.Updated, (await other.UpdateAsync(new LeadChange(theirs! with { Campaign = "set-elsewhere" }, []), CancellationToken.None)).Status);

        // This process cannot see the other instance's write: it still holds its own version, with the old ETag.
        var kept = Store.RecentWrites.Find(change.Lead.Id)!;
        Assert.Null(kept.Campaign);
        var decidedOn = new List<string?>();
        using var gets = new LeadRowGets();

        var written = await new LeadMutator(Store).MutateAsync(kept, lead =>
        {
            decidedOn.Add(lead.Campaign);
            return new LeadChange(lead with { SyncAttempts = lead.SyncAttempts + 1 }, []);
        }, CancellationToken.None);

        Assert.Equal([null, "set-elsewhere"], decidedOn);
        Assert.Equal(1, gets.Of(change.Lead.Id));
        var stored = await other.GetAsync(change.Lead.Id, CancellationToken.None);
        Assert.Equal("set-elsewhere", stored!.Campaign);
        Assert.Equal(1, stored.SyncAttempts);
        Assert.Equal(stored, Store.RecentWrites.Find(change.Lead.Id));
        Assert.Equal(stored.ETag, written!.Lead.ETag);
    }

    [Fact]
    public async Task With_the_bound_at_zero_nothing_is_kept()
    {
        await using var services = TestServices.Create(azurite.ConnectionString, new Dictionary<string, string?> { ["LeadSync:Storage:RecentLeadsMaxAge"] = "00:00:00" });
        var store = services.Get<TableLeadStore>();
        var change = NewLead();

        await store.CreateAsync(change, CancellationToken.None);

        Assert.Null(store.RecentWrites.Find(change.Lead.Id));
    }

    /// <summary>A second store over the same tables, as another process or Functions instance has.</summary>
    private TableLeadStore OtherInstance() =>
        new(new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = _services.Prefix })), TimeProvider.System);

    private static LeadChange NewLead()
    {
        var key = "msg_" + Guid.NewGuid().ToString("N");
        var lead = new Lead
        {
            Id = LeadIdFactory.FromDelivery("generic", key),
            Source = "generic",
            DeliveryKey = key,
            ReceivedAt = At,
            StatusChangedAt = At,
            Contact = new ContactDetails { Email = "ada@example.com", FirstName = "Ada" },
            Score = 80,
            Touch = new MarketingTouch { CampaignId = "c1", PageUrl = "https://example.com/form" },
            Consent = new ConsentFlags { Marketing = true },
            RawPayload = """{"email":"ada@example.com"}""",
        };
        var ready = LeadLifecycle.Transition(lead, LeadStatus.SalesReady, At, "qualification", "score 80");
        return new LeadChange(ready.Lead, [new TimelineEntry(At, "intake", LeadEvents.Received, "Received."), .. ready.Entries]);
    }
}
