using LeadSync.Core.Crm;
using LeadSync.Core.Jobs;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Crm.Sandbox;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Recycle;

[Collection(AzuriteCollection.Name)]
public sealed class RecycleJobTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestServices _services = null!;

    private ILeadStore Store => _services.Get<ILeadStore>();

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["LeadSync:Recycle:NoProgressWindow"] = "14.00:00:00",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<string> SyncedLeadAsync(string email)
    {
        var id = await Pipeline.IntakeAsync(_services, email);
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        return id;
    }

    [Fact]
    public async Task A_lead_without_progress_past_the_window_goes_back_to_nurture_and_the_tools_are_told()
    {
        var id = await SyncedLeadAsync("idle@example.com");

        _services.Time.Advance(TimeSpan.FromDays(13));
        await Pipeline.RunJobAsync(_services, JobNames.Recycle);
        Assert.Equal(LeadStatus.Synced, (await Store.GetAsync(id, CancellationToken.None))!.Status);

        _services.Time.Advance(TimeSpan.FromDays(2));
        var report = await Pipeline.RunJobAsync(_services, JobNames.Recycle);

        var lead = await Store.GetAsync(id, CancellationToken.None);
        Assert.Equal(1, report!.Acted);
        Assert.Equal(LeadStatus.Recycled, lead!.Status);
        Assert.Equal(1, lead.RecycleCount);
        Assert.Equal("no-progress", lead.RecycleReason);
        Assert.NotNull(lead.NurturePushedAt);
        var events = (await Store.GetTimelineAsync(id, CancellationToken.None)).Select(e => e.Event).ToList();
        Assert.Contains(LeadEvents.Recycled, events);
        Assert.Contains(LeadEvents.NurturePushed, events);
        var table = await _services.Get<StorageClients>().TableAsync(TableNames.SandboxCrm, CancellationToken.None);
        var crmRecord = await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(LeadSync.Infrastructure.Crm.Sandbox.SandboxCrmGateway.PartitionOf(id), id);
        Assert.Equal(SandboxCrmStatus.Nurture, crmRecord.Value.GetString("Status"));
        var nurture = await _services.Get<StorageClients>().TableAsync(TableNames.SandboxNurture, CancellationToken.None);
        Assert.True((await nurture.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(id, "cycle-001")).HasValue);
    }

    [Fact]
    public async Task A_lead_that_declined_marketing_consent_is_recycled_without_a_nurture_push_and_the_timeline_says_why()
    {
        var body = System.Text.Encoding.UTF8.GetBytes("""{"type":"lead.created","data":{"email":"no-consent@example.com","consent":false}}""");
        var webhook = Pipeline.SignedGeneric(_services, "unused@example.com") with { Body = body };
        webhook = Resign(webhook, body);
        var accepted = await _services.Get<LeadSync.Core.Intake.WebhookIntake>().AcceptAsync(webhook, CancellationToken.None);
        var id = accepted.Leads[0].LeadId;
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        Assert.False((await Store.GetAsync(id, CancellationToken.None))!.Consent!.Marketing);

        _services.Time.Advance(TimeSpan.FromDays(15));
        await Pipeline.RunJobAsync(_services, JobNames.Recycle);

        var lead = (await Store.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(LeadStatus.Recycled, lead.Status);
        Assert.NotNull(lead.NurturePushedAt);
        var timeline = await Store.GetTimelineAsync(id, CancellationToken.None);
        Assert.DoesNotContain(timeline, e => e.Event == LeadEvents.NurturePushed);
        Assert.Contains(timeline, e => e.Event == LeadEvents.NurtureSkipped && e.Detail.Contains("did not consent to marketing", StringComparison.Ordinal));
        var nurture = await _services.Get<StorageClients>().TableAsync(TableNames.SandboxNurture, CancellationToken.None);
        Assert.False((await nurture.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(id, "cycle-001")).HasValue);
    }

    private LeadSync.Core.Intake.InboundWebhook Resign(LeadSync.Core.Intake.InboundWebhook webhook, byte[] body)
    {
        var id = webhook.Headers["webhook-id"];
        var ts = _services.Time.GetUtcNow().ToUnixTimeSeconds();
        var headers = new Dictionary<string, string>(webhook.Headers, StringComparer.OrdinalIgnoreCase)
        {
            ["webhook-signature"] = LeadSync.Core.Intake.Signatures.StandardWebhookVerifier.Sign(TestServices.GenericSecret, id, ts, body),
        };
        return webhook with { Headers = headers };
    }

    [Fact]
    public async Task A_lead_that_progressed_is_not_recycled_and_a_second_run_changes_nothing()
    {
        var converted = await SyncedLeadAsync("won@example.com");
        var contacted = await SyncedLeadAsync("working@example.com");
        var processor = _services.Get<CrmEventProcessor>();
        _services.Time.Advance(TimeSpan.FromDays(10));
        await processor.ApplyAsync("sandbox", new CrmEvent(converted, CrmLeadState.Converted, null, null), CancellationToken.None);
        await processor.ApplyAsync("sandbox", new CrmEvent(contacted, CrmLeadState.Contacted, null, null), CancellationToken.None);

        _services.Time.Advance(TimeSpan.FromDays(5));
        await Pipeline.RunJobAsync(_services, JobNames.Recycle);
        Assert.Equal(LeadStatus.Converted, (await Store.GetAsync(converted, CancellationToken.None))!.Status);
        Assert.Equal(LeadStatus.Contacted, (await Store.GetAsync(contacted, CancellationToken.None))!.Status);

        _services.Time.Advance(TimeSpan.FromDays(10));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Pipeline.RunJobAsync(_services, JobNames.Recycle)));
        var recycled = await Store.GetAsync(contacted, CancellationToken.None);
        Assert.Equal(LeadStatus.Recycled, recycled!.Status);
        Assert.Equal(1, recycled.RecycleCount);
        Assert.Single(await Store.GetTimelineAsync(contacted, CancellationToken.None), e => e.Event == LeadEvents.Recycled);
    }

    [Fact]
    public async Task A_lead_whose_sync_message_was_lost_is_re_driven()
    {
        var id = await Pipeline.IntakeAsync(_services, "lost@example.com");
        var queue = await _services.Get<StorageClients>().QueueAsync(QueueNames.LeadSync, CancellationToken.None);
        await queue.ClearMessagesAsync();

        _services.Time.Advance(TimeSpan.FromMinutes(3));
        await Pipeline.RunJobAsync(_services, JobNames.Redrive);
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);

        Assert.Equal(LeadStatus.Synced, (await Store.GetAsync(id, CancellationToken.None))!.Status);
    }
}
