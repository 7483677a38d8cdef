using LeadSync.Core.Crm;
using LeadSync.Core.Jobs;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Crm.Sandbox;
using LeadSync.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Integration.Tests.Degrade;

/// <summary>
/// Issue 19 item 4: a CRM "contacted" event that arrives after the CRM answered the upsert but before LeadSync wrote
/// Synced. Before, it was refused (409 "A SalesReady lead cannot become Contacted."), and the lead was escalated and
/// recycled although sales had reached it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EventBeforeSyncTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly List<CrmEventResult> _applied = [];
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["LeadSync:Sla:FirstTouch"] = "01:00:00",
            ["LeadSync:Recycle:NoProgressWindow"] = "14.00:00:00",
        }, configure: s => s.AddSingleton<ICrmGateway>(sp => new EventInTheGap(sp.GetRequiredService<SandboxCrmGateway>(), sp, _applied)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task A_contacted_event_sent_right_after_the_crm_answered_the_upsert_is_applied_and_the_lead_is_never_escalated()
    {
        var id = await Pipeline.IntakeAsync(_services, $"early-{Guid.NewGuid():N}@example.com");
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);

        var applied = Assert.Single(_applied);
        Assert.Equal(CrmEventStatus.Applied, applied.Status);
        var lead = (await _services.Get<ILeadStore>().GetAsync(id, CancellationToken.None))!;
        Assert.Equal(LeadStatus.Contacted, lead.Status);
        Assert.NotNull(lead.CrmId);
        Assert.NotNull(lead.SyncedAt);
        Assert.True(lead.SlaMet);
        var events = (await _services.Get<ILeadStore>().GetTimelineAsync(id, CancellationToken.None)).Select(e => e.Event).ToList();
        Assert.Equal(2, events.Count(e => e == LeadEvents.Synced));
        Assert.Contains(LeadEvents.Contacted, events);

        _services.Time.Advance(TimeSpan.FromHours(3));
        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);
        await Pipeline.RunJobAsync(_services, JobNames.Redrive);
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);

        lead = (await _services.Get<ILeadStore>().GetAsync(id, CancellationToken.None))!;
        Assert.Equal(LeadStatus.Contacted, lead.Status);
        Assert.Equal(0, lead.EscalationLevel);
        Assert.Empty(await Pipeline.DrainAsync(_services, QueueNames.Notifications));
    }

    /// <summary>The sandbox CRM, with a rep's "contacted" callback landing between the upsert's answer and LeadSync's Synced write.</summary>
    private sealed class EventInTheGap(SandboxCrmGateway inner, IServiceProvider services, List<CrmEventResult> applied) : ICrmGateway
    {
        public string Name => inner.Name;

        public async Task<IReadOnlyList<CrmUpsertResult>> UpsertAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
        {
            var results = await inner.UpsertAsync(leads, cancellationToken);
            foreach (var lead in leads)
            {
                await inner.RecordActivityAsync(lead.Id, CrmLeadState.Contacted, null, cancellationToken);
                var processor = services.GetRequiredService<CrmEventProcessor>();
                applied.Add(await processor.ApplyAsync(Name, new CrmEvent(lead.Id, CrmLeadState.Contacted, null, null), cancellationToken));
            }

            return results;
        }

        public Task<IReadOnlyList<CrmTouch>> GetTouchesAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken) =>
            inner.GetTouchesAsync(leads, cancellationToken);

        public Task<IReadOnlyList<CrmRecordState>> ReadStatesAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken) =>
            inner.ReadStatesAsync(leads, cancellationToken);

        public Task<CrmOutcome> MarkRecycledAsync(Lead lead, string reason, CancellationToken cancellationToken) =>
            inner.MarkRecycledAsync(lead, reason, cancellationToken);
    }
}
