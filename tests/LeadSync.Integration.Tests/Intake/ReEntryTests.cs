using LeadSync.Core.Crm;
using LeadSync.Core.Jobs;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Intake;

[Collection(AzuriteCollection.Name)]
public sealed class ReEntryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestServices _services = null!;

    private ILeadStore Store => _services.Get<ILeadStore>();

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<string> RecycledLeadAsync(string email)
    {
        var id = await Pipeline.IntakeAsync(_services, email);
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        _services.Time.Advance(TimeSpan.FromHours(1));
        await _services.Get<CrmEventProcessor>().ApplyAsync("sandbox", new CrmEvent(id, CrmLeadState.Nurture, null, null), CancellationToken.None);
        await Pipeline.RunJobAsync(_services, JobNames.Recycle);
        Assert.Equal(LeadStatus.Recycled, (await Store.GetAsync(id, CancellationToken.None))!.Status);
        return id;
    }

    [Fact]
    public async Task A_new_submission_from_a_recycled_contact_re_enters_the_same_lead_with_its_history()
    {
        var id = await RecycledLeadAsync("back@example.com");
        var firstReceived = (await Store.GetAsync(id, CancellationToken.None))!.ReceivedAt;
        _services.Time.Advance(TimeSpan.FromDays(3));

        var again = await Pipeline.IntakeAsync(_services, "Back@Example.com", "msg_second");
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);

        Assert.Equal(id, again);
        var lead = await Store.GetAsync(id, CancellationToken.None);
        Assert.Equal(LeadStatus.Synced, lead!.Status);
        Assert.Equal(1, lead.ReEngagedCount);
        Assert.Equal(1, lead.RecycleCount);
        Assert.Equal(firstReceived, lead.FirstReceivedAt);
        Assert.Equal(_services.Time.GetUtcNow(), lead.ReceivedAt);
        var events = (await Store.GetTimelineAsync(id, CancellationToken.None)).Select(e => e.Event).ToList();
        Assert.Equal(2, events.Count(e => e == LeadEvents.Synced));
        Assert.Contains(LeadEvents.Recycled, events);
        Assert.Single(events, e => e == LeadEvents.ReEngaged);
    }

    [Fact]
    public async Task A_second_submission_from_an_open_leads_address_inside_the_window_becomes_a_touch_on_that_lead()
    {
        var first = await Pipeline.IntakeAsync(_services, "twice@example.com", "msg_open_1");
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        _services.Time.Advance(TimeSpan.FromDays(2));

        var second = await Pipeline.IntakeAsync(_services, "TWICE@example.com", "msg_open_2");
        var redelivered = await Pipeline.IntakeAsync(_services, "twice@example.com", "msg_open_2");

        Assert.Equal(first, second);
        Assert.Equal(first, redelivered);
        Assert.Null(await Store.GetAsync(LeadIdFactory.FromDelivery("generic", "msg_open_2"), CancellationToken.None));
        var timeline = await Store.GetTimelineAsync(first, CancellationToken.None);
        Assert.Single(timeline, e => e.Event == LeadEvents.MarketingTouch && e.Detail.Contains("attached here", StringComparison.Ordinal));
        Assert.Equal(LeadStatus.Synced, (await Store.GetAsync(first, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_submission_after_the_duplicate_window_creates_a_new_lead()
    {
        var first = await Pipeline.IntakeAsync(_services, "later@example.com", "msg_late_1");
        _services.Time.Advance(TimeSpan.FromDays(31));

        var second = await Pipeline.IntakeAsync(_services, "later@example.com", "msg_late_2");

        Assert.NotEqual(first, second);
        Assert.Equal(LeadIdFactory.FromDelivery("generic", "msg_late_2"), second);
    }

    [Fact]
    public async Task A_redelivery_of_the_re_entering_delivery_is_a_duplicate()
    {
        var id = await RecycledLeadAsync("twice@example.com");

        var first = await Pipeline.IntakeAsync(_services, "twice@example.com", "msg_again");
        var redelivered = await Pipeline.IntakeAsync(_services, "twice@example.com", "msg_again");

        Assert.Equal(id, first);
        Assert.Equal(id, redelivered);
        var lead = await Store.GetAsync(id, CancellationToken.None);
        Assert.Equal(1, lead!.ReEngagedCount);
        Assert.Null(await Store.GetAsync(LeadIdFactory.FromDelivery("generic", "msg_again"), CancellationToken.None));
    }

    [Fact]
    public async Task A_new_submission_from_an_open_lead_is_attached_without_re_engaging_it()
    {
        var id = await Pipeline.IntakeAsync(_services, "busy@example.com");

        var other = await Pipeline.IntakeAsync(_services, "busy@example.com");

        Assert.Equal(id, other);
        Assert.Equal(0, (await Store.GetAsync(id, CancellationToken.None))!.ReEngagedCount);
    }

    [Fact]
    public async Task A_re_engaged_lead_escalates_afresh_in_its_new_cycle()
    {
        var id = await RecycledLeadAsync("ladder@example.com");
        await Pipeline.IntakeAsync(_services, "ladder@example.com", "msg_ladder");
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);

        _services.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);

        var lead = await Store.GetAsync(id, CancellationToken.None);
        Assert.Equal(1, lead!.EscalationLevel);
        var notice = await _services.Get<Core.Notifications.INoticeStore>().GetAsync(id, 1, CancellationToken.None);
        Assert.Equal(1, notice!.Cycle);
    }
}
