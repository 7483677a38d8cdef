using LeadSync.Core.Crm;
using LeadSync.Core.Crm.Pause;
using LeadSync.Core.Jobs;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;
using LeadSync.Web.Endpoints;
using LeadSync.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace LeadSync.Integration.Tests.Crm;

/// <summary>Issue 18: the shared CRM pause on real storage, as the Functions trigger, the re-drive job and health see it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CrmPauseTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly Mock<ICrmGateway> _crm = new();
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _crm.SetupGet(c => c.Name).Returns("paused-crm");
        _crm.Setup(c => c.UpsertAsync(It.IsAny<IReadOnlyList<Lead>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<Lead> leads, CancellationToken _) =>
                leads.Select(l => new CrmUpsertResult(l.Id, CrmOutcome.Success, "crm-1", "rep")).ToList());
        _services = TestServices.Create(azurite.ConnectionString, configure: s => s.AddSingleton(_crm.Object));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private Task PauseForAnHourAsync(string reason = "HubSpot 429 RATE_LIMIT: You have reached your daily limit.") =>
        _services.Get<CrmPauseGate>().ReportAsync(new CrmOutcome(CrmOutcomeKind.QuotaExhausted, reason, TimeSpan.FromHours(1)), CancellationToken.None);

    [Fact]
    public async Task The_functions_trigger_hands_a_paused_sync_back_as_a_delayed_copy_instead_of_failing_toward_poison()
    {
        var leadId = await Pipeline.IntakeAsync(_services, "waits@example.com");
        await PauseForAnHourAsync();
        var queue = await _services.Get<StorageClients>().QueueAsync(QueueNames.LeadSync, CancellationToken.None);
        var received = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value.Single();

        // Its 4th delivery: a failure now would be one step from the poison queue (maxDequeueCount 5). Before issue 18
        // this threw RetryLaterException and the message came back after 30 s, whatever the pause.
        await _services.Get<QueueWork>().RunFromTriggerAsync(QueueNames.LeadSync, received.MessageText, 4, CancellationToken.None);
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt); // what the host does when the function returns

        var properties = (await queue.GetPropertiesAsync()).Value;
        Assert.Equal(1, properties.ApproximateMessagesCount);
        Assert.Empty((await queue.PeekMessagesAsync(32)).Value); // invisible until the pause end
        _crm.Verify(c => c.UpsertAsync(It.IsAny<IReadOnlyList<Lead>>(), It.IsAny<CancellationToken>()), Times.Never);
        var lead = await _services.Get<ILeadStore>().GetAsync(leadId, CancellationToken.None);
        Assert.Equal((LeadStatus.SalesReady, 0), (lead!.Status, lead.SyncAttempts));
    }

    [Fact]
    public async Task Redrive_does_not_re_enqueue_while_the_crm_is_paused_and_does_after()
    {
        await Pipeline.IntakeAsync(_services, "redrive@example.com");
        await PauseForAnHourAsync();
        var queue = await _services.Get<StorageClients>().QueueAsync(QueueNames.LeadSync, CancellationToken.None);
        await queue.ClearMessagesAsync(); // the message waits somewhere (deferred); only the safety net is looked at

        _services.Time.Advance(TimeSpan.FromMinutes(10));
        await Pipeline.RunJobAsync(_services, JobNames.Redrive);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);

        _services.Time.Advance(TimeSpan.FromMinutes(55));
        await Pipeline.RunJobAsync(_services, JobNames.Redrive);
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Health_answers_200_with_the_paused_crm_its_end_and_reason_without_secrets()
    {
        await PauseForAnHourAsync("Salesforce 401 INVALID_SESSION_ID: Bearer 00D5g000004ABCd!AQ8AQKx7szuLs3u9 rejected, key sk_live_51HxYz2eZvKYlo2C9c8d7e6f");

        var result = Assert.IsType<Ok<HealthReport>>(await _services.Get<HealthEndpoints>().GetAsync(CancellationToken.None));

        var report = result.Value!;
        Assert.Equal(("degraded", "reachable"), (report.Status, report.Storage));
        var crm = Assert.Single(report.Crm);
        Assert.Equal(("paused-crm", "paused"), (crm.Name, crm.State));
        Assert.Equal(_services.Time.GetUtcNow() + TimeSpan.FromHours(1), crm.PausedUntil);
        Assert.StartsWith("paused until ", crm.Detail, StringComparison.Ordinal);
        Assert.Equal("quota", crm.Cause);
        Assert.Contains("INVALID_SESSION_ID", crm.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("AQ8AQKx7szuLs3u9", crm.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_live_51HxYz2eZvKYlo2C9c8d7e6f", crm.Reason, StringComparison.Ordinal);

        _services.Time.Advance(TimeSpan.FromHours(1));
        await _services.Get<CrmPauseGate>().ReportAsync(CrmOutcome.Success, CancellationToken.None);
        var healthy = Assert.IsType<Ok<HealthReport>>(await _services.Get<HealthEndpoints>().GetAsync(CancellationToken.None)).Value!;
        Assert.Equal(("healthy", "healthy"), (healthy.Status, healthy.Crm.Single().State));
    }

    [Fact]
    public async Task Health_reports_degraded_after_failures_short_of_a_pause()
    {
        await _services.Get<CrmPauseGate>().ReportAsync(new CrmOutcome(CrmOutcomeKind.Transient, "Dynamics 503: Service Unavailable"), CancellationToken.None);

        var report = Assert.IsType<Ok<HealthReport>>(await _services.Get<HealthEndpoints>().GetAsync(CancellationToken.None)).Value!;

        Assert.Equal(("degraded", "degraded", 1), (report.Status, report.Crm.Single().State, report.Crm.Single().ConsecutiveFailures));
    }

    [Fact]
    public async Task Of_two_instances_whose_pause_ran_out_only_one_gets_the_probe_call()
    {
        await PauseForAnHourAsync();
        _services.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var store = _services.Get<ICrmPauseStore>();
        var options = _services.Get<IOptionsMonitor<CrmOptions>>();
        var gates = Enumerable.Range(0, 4).Select(_ => new CrmPauseGate(store, _crm.Object, options, _services.Time, NullLogger<CrmPauseGate>.Instance)).ToList();

        var decisions = await Task.WhenAll(gates.Select(g => g.EnterAsync(CancellationToken.None)));

        Assert.Single(decisions, d => d.IsProbe);
        Assert.All(decisions.Where(d => !d.IsProbe), d => Assert.False(d.MayCall));
    }
}
