using System.Collections.Concurrent;
using LeadSync.Core.Crm;
using LeadSync.Core.Intake;
using LeadSync.Core.Jobs;
using LeadSync.Core.Leads;
using LeadSync.Core.Notifications;
using LeadSync.Core.People;
using LeadSync.Core.Recycle;
using LeadSync.Core.Routing;
using LeadSync.Core.Sla;
using LeadSync.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadSync.Crm.Tests.Support;

/// <summary>
/// The recycle job and the SLA sweep on a fake clock, against a real CRM adapter talking to a simulator: lead store,
/// due index and queue in memory, nurture pushes recorded. Leads are synced through the adapter's own upsert.
/// </summary>
public sealed class JobHarness
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly ICrmGateway _crm;
    private readonly ISlaPolicy _sla;
    private readonly RecyclePolicy _recyclePolicy;
    private readonly IOptionsMonitor<RecycleOptions> _recycleOptions;
    private readonly IOptionsMonitor<SlaOptions> _slaOptions;

    public JobHarness(ICrmGateway crm, RecycleOptions? recycle = null, SlaOptions? sla = null)
    {
        _crm = crm;
        _slaOptions = Monitor(sla ?? new SlaOptions());
        _sla = new RoundTheClockSlaPolicy(_slaOptions);
        _recycleOptions = Monitor(recycle ?? new RecycleOptions { NoProgressWindow = TimeSpan.FromDays(14) });
        _recyclePolicy = new RecyclePolicy(_sla, _recycleOptions);
        Mutator = new LeadMutator(Store);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public InMemoryLeadStore Store { get; } = new();

    public InMemoryDueIndex DueIndex { get; } = new();

    public LeadMutator Mutator { get; }

    public ConcurrentQueue<string> Enqueued { get; } = new();

    public ConcurrentQueue<string> NurturePushes { get; } = new();

    /// <summary>Each push as <c>{reason} → {target}</c> (<c>default</c>: the tool's configured list).</summary>
    public ConcurrentQueue<string> NurtureTargets { get; } = new();

    /// <summary>Stores the lead as sales-ready, upserts it through the adapter and records it as synced (with its hints), as the sync use case does.</summary>
    public async Task<Lead> SyncedAsync(Lead draft)
    {
        var now = Time.GetUtcNow();
        var created = await Store.CreateAsync(new LeadChange(draft with { Status = LeadStatus.SalesReady, ReceivedAt = now, StatusChangedAt = now }, []), default);
        var result = (await _crm.UpsertAsync([created.Lead], default)).Single();
        Assert.True(result.Outcome.Succeeded, result.Outcome.Reason);
        var written = await Mutator.MutateAsync(created.Lead, lead =>
        {
            var change = LeadLifecycle.Transition(lead, LeadStatus.Synced, now, _crm.Name, "synced");
            var synced = change.Lead with { CrmId = result.CrmId, Owner = result.Owner, SyncedAt = now };
            return change with { Lead = synced with { SlaDueAt = _sla.FirstTouchDeadline(synced) } };
        }, default);
        foreach (var hint in SyncedLeadHints.For(written!.Lead, _sla, _recyclePolicy, now))
        {
            await DueIndex.ScheduleAsync(hint, default);
        }

        return written.Lead;
    }

    public RecycleJob Recycle() => new(DueIndex, Store, Mutator, _crm, new RecordingNurture(NurturePushes, NurtureTargets), _recyclePolicy,
        new NurtureHandOff(Store, Mutator, new RecordingNurture(NurturePushes, NurtureTargets), _recycleOptions, DueIndex, Monitor(new IntakeOptions()), Time, NullLogger<NurtureHandOff>.Instance), _recycleOptions, Time,
        NullLogger<RecycleJob>.Instance);

    public SlaSweep Sweep() => new(DueIndex, Store, Mutator, _crm, _sla, new RecordingQueue(Enqueued), _slaOptions, _recyclePolicy,
        Monitor(new NotificationOptions()), Time, NullLogger<SlaSweep>.Instance, new LeadReassigner(_crm, _sla, NoRouting(), Mutator));

    /// <summary>Routing with no policy (the default): a reassign rung asks the CRM's pool, as these tests expect.</summary>
    private LeadRouting NoRouting()
    {
        var people = new Mock<IPeopleStore>();
        people.Setup(p => p.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(SyncedPeople.None);
        var routing = Monitor(new RoutingOptions());
        var directory = new PeopleDirectorySource(people.Object, Monitor(new PeopleOptions()), _slaOptions, Monitor(new CrmOptions { Provider = _crm.Name }), Time,
            NullLogger<PeopleDirectorySource>.Instance);
        return new LeadRouting(directory, Mock.Of<IRoutingLedger>(), new AccountLookupCache(new NoAccountLookup(), routing, Time), routing, _sla, Store, Mutator, Time,
            NullLogger<LeadRouting>.Instance);
    }

    public Task<JobReport> RecycleAsync() => Recycle().RunAsync(default);

    public Task<JobReport> SweepAsync() => Sweep().RunAsync(default);

    public async Task<Lead> LeadAsync(string id) => (await Store.GetAsync(id, default))!;

    public async Task<IReadOnlyList<string>> EventsAsync(string id) => [.. (await Store.GetTimelineAsync(id, default)).Select(e => e.Event)];

    private static IOptionsMonitor<T> Monitor<T>(T value)
        where T : class
    {
        var monitor = new Mock<IOptionsMonitor<T>>();
        monitor.Setup(m => m.CurrentValue).Returns(value);
        return monitor.Object;
    }

    private sealed class RecordingNurture(ConcurrentQueue<string> pushes, ConcurrentQueue<string> targets) : INurtureTarget
    {
        public string Name => "test nurture";

        public Task<NurtureResult> PushAsync(Lead lead, string reason, string? target, CancellationToken cancellationToken)
        {
            pushes.Enqueue(lead.Id);
            targets.Enqueue($"{reason} → {target ?? "default"}");
            return Task.FromResult(new NurtureResult(true, Name));
        }
    }

    private sealed class RecordingQueue(ConcurrentQueue<string> messages) : IWorkQueue
    {
        public Task EnqueueAsync(string queueName, string message, CancellationToken cancellationToken)
        {
            messages.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}
