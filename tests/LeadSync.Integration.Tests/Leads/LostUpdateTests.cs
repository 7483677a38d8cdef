using LeadSync.Core.Crm;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Inbox;
using LeadSync.Core.Jobs;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;
using LeadSync.Web.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeadSync.Integration.Tests.Leads;

/// <summary>
/// Item 9 of issue 21: under endless contention on one lead, work is never dropped as if there were nothing to do —
/// a CRM event answers 503 + Retry-After (was 409), a re-engagement keeps its inbox row (was dropped with it).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LostUpdateTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestServices _services = null!;
    private ContentionSwitchStore _contention = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString, configure: services =>
            services.AddSingleton<ILeadStore>(sp => new ContentionSwitchStore(sp.GetRequiredService<TableLeadStore>())));
        _contention = (ContentionSwitchStore)_services.Get<ILeadStore>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task A_crm_event_on_a_lead_kept_busy_throws_contention_not_a_not_allowed_answer()
    {
        var id = await Pipeline.IntakeAsync(_services, "busy-crm@example.com");
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        _contention.Contend(id);

        await Assert.ThrowsAsync<LeadContentionException>(() =>
            _services.Get<CrmEventProcessor>().ApplyAsync("sandbox", new CrmEvent(id, CrmLeadState.Contacted, null, null), CancellationToken.None));

        Assert.Equal(LeadMutator.MaxAttempts, _contention.LostWrites(id));
        var timeline = await _services.Get<ILeadStore>().GetTimelineAsync(id, CancellationToken.None);
        Assert.Contains(timeline, e => e.Event == LeadEvents.WriteContended);
        _contention.Release(id);
        var retried = await _services.Get<CrmEventProcessor>().ApplyAsync("sandbox", new CrmEvent(id, CrmLeadState.Contacted, null, null), CancellationToken.None);
        Assert.Equal(CrmEventStatus.Applied, retried.Status);
    }

    [Fact]
    public async Task The_endpoint_guard_answers_contention_with_a_retryable_503()
    {
        var guard = new EndpointGuard(NullLogger<EndpointGuard>.Instance);

        var result = await guard.RunAsync("crm event", () => throw new LeadContentionException("ld_busy", LeadMutator.MaxAttempts));

        var context = new DefaultHttpContext { RequestServices = _services.Services };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("10", context.Response.Headers.RetryAfter.ToString());
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Contains("/problems/lead-busy", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_re_engagement_on_a_lead_kept_busy_keeps_its_inbox_row_and_is_filed_once_the_lead_is_free()
    {
        var id = await Pipeline.IntakeAsync(_services, "busy-again@example.com");
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        _services.Time.Advance(TimeSpan.FromHours(1));
        await _services.Get<CrmEventProcessor>().ApplyAsync("sandbox", new CrmEvent(id, CrmLeadState.Nurture, null, null), CancellationToken.None);
        await Pipeline.RunJobAsync(_services, JobNames.Recycle);
        Assert.Equal(LeadStatus.Recycled, (await _services.Get<ILeadStore>().GetAsync(id, CancellationToken.None))!.Status);
        _services.Time.Advance(TimeSpan.FromDays(3));
        var delivery = InboxDelivery.Arrived(Pipeline.SignedGeneric(_services, "busy-again@example.com", "msg_busy_second"), _services.Time.GetUtcNow());
        var inbox = _services.Get<IIntakeInbox>();
        await inbox.AddAsync(delivery, CancellationToken.None);
        _contention.Contend(id);

        // Filing throws (the pump then keeps the row for its next round, and quarantines it if it keeps failing).
        await Assert.ThrowsAsync<LeadContentionException>(() => _services.Get<WebhookIntake>().FileAsync(delivery.Webhook, CancellationToken.None, delivery.ReceivedAt));
        Assert.NotNull(await inbox.GetAsync(delivery.Id, CancellationToken.None));
        Assert.Equal(LeadStatus.Recycled, (await _services.Get<ILeadStore>().GetAsync(id, CancellationToken.None))!.Status);

        _contention.Release(id);
        var filed = await _services.Get<WebhookIntake>().FileAsync(delivery.Webhook, CancellationToken.None, delivery.ReceivedAt);
        Assert.True(filed.IsAccepted);
        var lead = await _services.Get<ILeadStore>().GetAsync(id, CancellationToken.None);
        Assert.Equal(1, lead!.ReEngagedCount);
    }
}
