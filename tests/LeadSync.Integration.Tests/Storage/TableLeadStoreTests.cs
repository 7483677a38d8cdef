using LeadSync.Core.Leads;
using LeadSync.Core.Notifications;
using LeadSync.Core.Storage;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableLeadStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestServices _services = null!;

    private ILeadStore Store => _services.Get<ILeadStore>();

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private static LeadChange NewLead(string key = "msg_1") =>
        FiledLead.SalesReady(key, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), new ContactDetails { Email = "ada@example.com", FirstName = "Ada" }, score: 80);

    [Fact]
    public async Task A_stored_lead_reads_back_with_its_timeline_in_order()
    {
        var change = NewLead();

        var created = await Store.CreateAsync(change, CancellationToken.None);
        var read = await Store.GetAsync(change.Lead.Id, CancellationToken.None);
        var timeline = await Store.GetTimelineAsync(change.Lead.Id, CancellationToken.None);

        Assert.False(created.AlreadyExisted);
        Assert.NotNull(read);
        Assert.Equal(LeadStatus.SalesReady, read.Status);
        Assert.Equal("ada@example.com", read.Contact.Email);
        Assert.Equal(80, read.Score);
        Assert.Equal(change.Lead.ReceivedAt, read.ReceivedAt);
        Assert.NotNull(read.ETag);
        Assert.Equal([LeadEvents.Received, LeadEvents.SalesReady], timeline.Select(e => e.Event));
    }

    [Fact]
    public async Task Storing_the_same_delivery_twice_keeps_one_lead_and_reports_the_duplicate()
    {
        var first = await Store.CreateAsync(NewLead("dup"), CancellationToken.None);
        var second = await Store.CreateAsync(NewLead("dup"), CancellationToken.None);

        Assert.False(first.AlreadyExisted);
        Assert.True(second.AlreadyExisted);
        Assert.Equal(first.Lead.Id, second.Lead.Id);
        Assert.Equal(2, (await Store.GetTimelineAsync(first.Lead.Id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Concurrent_creates_of_one_delivery_store_exactly_one_lead()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Store.CreateAsync(NewLead("race"), CancellationToken.None)));

        Assert.Single(results, r => !r.AlreadyExisted);
        Assert.Equal(2, (await Store.GetTimelineAsync(results[0].Lead.Id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task An_update_decided_on_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var created = await Store.CreateAsync(NewLead("etag"), CancellationToken.None);
        var at = created.Lead.ReceivedAt.AddMinutes(1);
        var first = LeadLifecycle.Transition(created.Lead, LeadStatus.Synced, at, "crm", "first writer");
        var second = LeadLifecycle.Transition(created.Lead, LeadStatus.Disqualified, at, "crm", "second writer");

        var won = await Store.UpdateAsync(first, CancellationToken.None);
        var lost = await Store.UpdateAsync(second, CancellationToken.None);

        Assert.Equal(LeadUpdateStatus.Updated, won.Status);
        Assert.NotEqual(created.Lead.ETag, won.Lead!.ETag);
        Assert.Equal(LeadUpdateStatus.Conflict, lost.Status);
        var stored = await Store.GetAsync(created.Lead.Id, CancellationToken.None);
        Assert.Equal(LeadStatus.Synced, stored!.Status);
        var timeline = await Store.GetTimelineAsync(created.Lead.Id, CancellationToken.None);
        Assert.DoesNotContain(timeline, e => e.Detail == "second writer");
    }

    [Fact]
    public async Task A_second_notice_for_the_same_level_is_a_conflict()
    {
        var created = await Store.CreateAsync(NewLead("notice"), CancellationToken.None);
        var notice = new EscalationNotice { LeadId = created.Lead.Id, Level = 1, Recipient = "owner", RaisedAt = created.Lead.ReceivedAt, DeadlineAt = created.Lead.ReceivedAt };
        var first = new LeadChange(created.Lead with { EscalationLevel = 1 }, []) { Notices = [notice] };

        var won = await Store.UpdateAsync(first, CancellationToken.None);
        var again = await Store.UpdateAsync(first with { Lead = won.Lead! }, CancellationToken.None);

        Assert.Equal(LeadUpdateStatus.Updated, won.Status);
        Assert.Equal(LeadUpdateStatus.Conflict, again.Status);
        Assert.Single(await _services.Get<INoticeStore>().ListUnsentAsync(created.Lead.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Unknown_or_malformed_ids_read_as_missing()
    {
        Assert.Null(await Store.GetAsync(LeadIdFactory.FromDelivery("generic", "never-stored"), CancellationToken.None));
        Assert.Null(await Store.GetAsync("../../etc/passwd", CancellationToken.None));
        Assert.Empty(await Store.GetTimelineAsync("x' or 1 eq 1", CancellationToken.None));
    }
}
