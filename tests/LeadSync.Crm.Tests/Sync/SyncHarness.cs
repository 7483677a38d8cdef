using LeadSync.Core.Crm;
using LeadSync.Core.Crm.DeadLetters;
using LeadSync.Core.Crm.Pause;
using LeadSync.Core.Leads;
using LeadSync.Core.Recycle;
using LeadSync.Core.Sla;
using LeadSync.Core.Sla.Policies;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Crm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using LeadSync.Crm.Tests.Support;

namespace LeadSync.Crm.Tests.Sync;

/// <summary>
/// The sync use case (queue message → <see cref="LeadSyncer"/> → batcher → real CRM adapter over HTTP → simulator) on
/// a fake clock, with a queue that behaves like the hosts': the consumer does not receive while the CRM is paused, a
/// deferred message is sent again with its delay (a new delivery), a retried one comes back with its dequeue count
/// raised and is poisoned after <see cref="MaxDequeueCount"/>.
/// </summary>
public sealed class SyncHarness : IAsyncDisposable
{
    public const int MaxDequeueCount = 5;

    private readonly ServiceProvider _provider;
    private readonly List<Message> _queue = [];

    private SyncHarness(ServiceProvider provider, FakeTimeProvider time)
    {
        _provider = provider;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public InMemoryLeadStore Leads { get; } = new();

    public MemoryDeadLetters DeadLetters { get; } = new();

    public MemoryPauseStore Pauses { get; } = new();

    public List<string> Poisoned { get; } = [];

    /// <summary>Deliveries that ended as a plain retry (each raised a dequeue count).</summary>
    public int Retries { get; private set; }

    public int Waiting => _queue.Count;

    public CrmPauseGate Gate => _provider.GetRequiredService<CrmPauseGate>();

    public static SyncHarness Create(SimulatedCrm crm, DateTimeOffset start)
    {
        var time = new FakeTimeProvider(start);
        var settings = crm.Settings();
        settings["LeadSync:Crm:BatchLinger"] = "00:00:00";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        crm.Register(services);
        services.AddCrmProviders(configuration);
        services.AddOptions<CrmOptions>().Bind(configuration.GetSection(CrmOptions.Section));
        services.AddOptions<SlaOptions>();
        services.AddOptions<RecycleOptions>();
        var harness = default(SyncHarness);
        services.AddSingleton<ILeadStore>(_ => harness!.Leads);
        services.AddSingleton<IDeadLetterStore>(_ => harness!.DeadLetters);
        services.AddSingleton<ICrmPauseStore>(_ => harness!.Pauses);
        services.AddSingleton<IDueIndex, MemoryDueIndex>();
        services.AddSingleton<ISlaPolicy, CalendarSlaPolicy>();
        services.AddSingleton<RecyclePolicy>();
        services.AddSingleton<LeadMutator>();
        services.AddSingleton<CrmPauseGate>();
        services.AddSingleton<SyncBacklogSignal>();
        services.AddSingleton<CrmUpsertBatcher>();
        services.AddTransient<LeadSyncer>();
        harness = new SyncHarness(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }), time);
        return harness;
    }

    /// <summary>Stores the leads as sales-ready and puts one sync message per lead on the queue (the intake's work).</summary>
    public async Task EnqueueAsync(IReadOnlyList<Lead> leads)
    {
        var now = Time.GetUtcNow();
        foreach (var lead in leads)
        {
            await Leads.CreateAsync(new LeadChange(lead with { StatusChangedAt = now }, []), CancellationToken.None);
            _queue.Add(new Message(lead.Id, now, 0));
        }
    }

    /// <summary>Handles what is visible, then moves the clock by <paramref name="step"/>, until <paramref name="duration"/> has passed.</summary>
    public async Task RunAsync(TimeSpan duration, TimeSpan step, Action<DateTimeOffset>? afterEachStep = null)
    {
        var end = Time.GetUtcNow() + duration;
        while (Time.GetUtcNow() < end)
        {
            await DeliverVisibleAsync();
            afterEachStep?.Invoke(Time.GetUtcNow());
            var left = end - Time.GetUtcNow();
            Time.Advance(left < step ? left : step);
        }
    }

    /// <summary>One consumer poll round after another until nothing is visible (or the CRM is paused, when the consumer does not poll).</summary>
    public async Task DeliverVisibleAsync()
    {
        for (var round = 0; round < 50; round++)
        {
            if (await Gate.ClosedUntilAsync(CancellationToken.None) is not null)
            {
                return;
            }

            var now = Time.GetUtcNow();
            var visible = _queue.Where(m => m.VisibleAt <= now).Take(512).ToList();
            if (visible.Count == 0)
            {
                return;
            }

            foreach (var message in visible)
            {
                _queue.Remove(message);
            }

            var syncer = _provider.GetRequiredService<LeadSyncer>();
            var outcomes = await Task.WhenAll(visible.Select(async m => (Message: m with { DequeueCount = m.DequeueCount + 1 }, Outcome: await syncer.SyncAsync(m.LeadId, CancellationToken.None))));
            foreach (var (message, outcome) in outcomes)
            {
                if (outcome.Deferred)
                {
                    _queue.Add(new Message(message.LeadId, now + (outcome.RetryAfter ?? TimeSpan.Zero), 0));
                }
                else if (!outcome.Completed)
                {
                    Retries++;
                    if (message.DequeueCount >= MaxDequeueCount)
                    {
                        Poisoned.Add(message.LeadId);
                    }
                    else
                    {
                        _queue.Add(message with { VisibleAt = now + (outcome.RetryAfter ?? TimeSpan.FromSeconds(30)) });
                    }
                }
            }
        }

        Assert.Fail("Messages kept coming back at once for 50 rounds: something defers without a delay.");
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private sealed record Message(string LeadId, DateTimeOffset VisibleAt, int DequeueCount);
}
