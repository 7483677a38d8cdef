using LeadSync.Core.Crm;
using LeadSync.Core.Intake;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Testing;
using Microsoft.Extensions.Options;

namespace LeadSync.Integration.Tests.Crm;

/// <summary>
/// The sync safety net (<see cref="HandOffSafetyNet"/>): every sales-ready lead is filed with a sync hint that the
/// re-drive job reads minutes later. A completed sync removes it, so the re-drive does not read every lead again (a
/// lead read, a report-row read, its hints filed again and the hint deleted: five storage requests per lead, more
/// than its whole way to the CRM). A sync that does not complete leaves it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HandOffSafetyNetTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestServices _services = null!;
    private bool _crmUp = true;

    public Task InitializeAsync()
    {
        var crm = MockCrm.AnsweringEach(l => _crmUp ? MockCrm.Taken(l) : new CrmUpsertResult(l.Id, new CrmOutcome(CrmOutcomeKind.Transient, "503 from the CRM")));
        _services = MockCrm.Services(azurite, crm);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Leads_synced_together_leave_no_sync_hint_and_keep_their_sla_hints()
    {
        var ids = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            ids.Add(await Pipeline.IntakeAsync(_services, $"net{i}@example.com"));
        }

        Assert.Equal(ids.Order(), await DueAsync(DueKind.Sync, ids, TimeSpan.FromMinutes(59)));

        var handled = await Pipeline.DrainAsync(_services, QueueNames.LeadSync);

        Assert.Equal(ids.Order(), handled.Order());
        Assert.Empty(await DueAsync(DueKind.Sync, ids, TimeSpan.FromMinutes(59)));

        // The first-touch deadline is in business hours: up to a long weekend away.
        Assert.Equal(ids.Order(), await DueAsync(DueKind.Sla, ids, TimeSpan.FromDays(5)));
        Assert.All(ids, id => Assert.Equal(LeadStatus.Synced, _services.Get<ILeadStore>().GetAsync(id, CancellationToken.None).Result!.Status));
    }

    [Fact]
    public async Task A_sync_the_crm_did_not_take_keeps_the_sync_hint()
    {
        var id = await Pipeline.IntakeAsync(_services, "crm-down@example.com");
        _crmUp = false;

        var outcome = await _services.Get<LeadSyncer>().SyncAsync(id, CancellationToken.None);

        Assert.False(outcome.Completed);
        Assert.Equal([id], await DueAsync(DueKind.Sync, [id], TimeSpan.FromMinutes(59)));
    }

    [Fact]
    public async Task A_lead_that_became_sales_ready_after_its_receipt_loses_the_hint_filed_then()
    {
        // As enrichment leaves it: received id-only at T0, completed and made sales-ready 40 s later, the hint filed then.
        var received = _services.Time.GetUtcNow();
        _services.Time.Advance(TimeSpan.FromSeconds(40));
        var lead = new Lead
        {
            Id = LeadIdFactory.FromDelivery("meta", "lg-late-1"),
            Source = "meta",
            DeliveryKey = "lg-late-1",
            ReceivedAt = received,
            StatusChangedAt = _services.Time.GetUtcNow(),
            Status = LeadStatus.SalesReady,
            Contact = new ContactDetails { Email = "late@example.com", FirstName = "Late" },
        };
        var delay = _services.Get<IOptions<IntakeOptions>>().Value.SyncSafetyNetDelay;
        await _services.Get<IDueIndex>().ScheduleAsync(HandOffSafetyNet.For(lead.Id, lead.Status, lead.StatusChangedAt, delay)!, CancellationToken.None);
        await _services.Get<ILeadStore>().CreateAsync(new LeadChange(lead, []), CancellationToken.None);
        _services.Time.Advance(TimeSpan.FromSeconds(5));

        var outcome = await _services.Get<LeadSyncer>().SyncAsync(lead.Id, CancellationToken.None);

        Assert.True(outcome.Completed, outcome.Detail);
        Assert.Empty(await DueAsync(DueKind.Sync, [lead.Id], TimeSpan.FromMinutes(59)));
    }

    /// <summary>Which of <paramref name="ids"/> have a hint of <paramref name="kind"/> due within <paramref name="within"/>, in order.</summary>
    private async Task<List<string>> DueAsync(DueKind kind, IReadOnlyCollection<string> ids, TimeSpan within)
    {
        var due = await _services.Get<IDueIndex>().GetDueAsync(kind, DateTimeOffset.UtcNow + within, 10_000, CancellationToken.None);
        return [.. due.Select(d => d.LeadId).Where(ids.Contains).Distinct().Order()];
    }
}
