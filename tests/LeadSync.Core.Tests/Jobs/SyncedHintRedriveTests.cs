using LeadSync.Core.Crm;
using LeadSync.Core.Intake;
using LeadSync.Core.Jobs;
using LeadSync.Core.Leads;
using LeadSync.Core.Notifications;
using LeadSync.Core.Recycle;
using LeadSync.Core.Sla;
using LeadSync.Core.Storage;
using LeadSync.Core.Tests.Intake;
using LeadSync.Core.Tests.Sla.Policies;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadSync.Core.Tests.Jobs;

/// <summary>A crash between the sync's Synced write and its SLA/recycle hints must not leave a lead that is never swept.</summary>
public sealed class SyncedHintRedriveTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Received.AddMinutes(5));
    private readonly InMemoryLeadStore _store = new();
    private readonly List<DueItem> _scheduled = [];
    private readonly ISlaPolicy _sla = new RoundTheClockSlaPolicy(new FixedOptionsMonitor<SlaOptions>(new SlaOptions()));

    private RedriveJob Job(DueItem syncHint)
    {
        var recycle = new RecyclePolicy(_sla, new FixedOptionsMonitor<RecycleOptions>(new RecycleOptions { AfterLastLevel = TimeSpan.FromDays(1) }));
        return RedriveJobs.Create(RedriveJobs.WithDue(syncHint, _scheduled), _store, Mock.Of<IWorkQueue>(), _time, _sla, recycle);
    }

    private async Task<Lead> StoreAsync(Func<Lead, Lead> shape)
    {
        var lead = shape(new LeadBuilder().ReceivedAt(Received)
            .With(l => l with { Status = LeadStatus.Synced, SyncedAt = Received, StatusChangedAt = Received, SlaDueAt = Received.AddHours(1) }).Build());
        await _store.CreateAsync(new LeadChange(lead, []), CancellationToken.None);
        return lead;
    }

    [Fact]
    public async Task A_synced_lead_found_by_its_sync_hint_gets_its_next_sla_level_and_recycle_hints_filed_again()
    {
        var lead = await StoreAsync(l => l);

        await Job(new DueItem(lead.Id, DueKind.Sync, _time.GetUtcNow())).RunAsync(CancellationToken.None);

        Assert.Contains(new DueItem(lead.Id, DueKind.Sla, _sla.LevelDueAt(lead, 1)), _scheduled);
        Assert.Contains(_scheduled, d => d.LeadId == lead.Id && d.Kind == DueKind.Recycle);
    }

    [Fact]
    public async Task A_lead_past_its_last_level_gets_no_sla_hint()
    {
        var lead = await StoreAsync(l => l with { EscalationLevel = 3 });

        await Job(new DueItem(lead.Id, DueKind.Sync, _time.GetUtcNow())).RunAsync(CancellationToken.None);

        Assert.DoesNotContain(_scheduled, d => d.Kind == DueKind.Sla);
    }
}
