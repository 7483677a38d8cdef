using LeadSync.Core.Crm;
using LeadSync.Core.Crm.Pause;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadSync.Core.Tests.Crm;

public sealed class CrmPauseGateTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly MemoryStore _store = new();
    private readonly CrmPauseGate _gate;

    public CrmPauseGateTests() =>
        _gate = NewGate(_store, new CrmOptions { PauseAfterFailures = 3, MaxFailurePause = TimeSpan.FromMinutes(2) });

    private static readonly CrmOutcome Outage = new(CrmOutcomeKind.Transient, "HubSpot 503: Service Unavailable");

    [Fact]
    public async Task A_run_of_unanswered_calls_pauses_and_each_failed_probe_doubles_the_pause_up_to_the_cap()
    {
        await _gate.ReportAsync(Outage, default);
        await _gate.ReportAsync(Outage, default);
        Assert.Equal(CrmGateDecision.Open, await _gate.EnterAsync(default));
        Assert.Equal(CrmConnectionState.Degraded, (await _gate.GetStateAsync(default)).StateAt(_time.GetUtcNow()));

        await _gate.ReportAsync(Outage, default);
        var pauses = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            var state = await _gate.GetStateAsync(default);
            pauses.Add(state.PausedUntil!.Value - _time.GetUtcNow());
            Assert.False((await _gate.EnterAsync(default)).MayCall);
            _time.Advance(pauses[^1]);
            Assert.True((await _gate.EnterAsync(default)).IsProbe);
            await _gate.ReportAsync(Outage, default);
        }

        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(120)], pauses);
    }

    [Fact]
    public async Task Any_answer_from_the_crm_ends_the_pause_and_the_failure_run()
    {
        await _gate.ReportAsync(new CrmOutcome(CrmOutcomeKind.QuotaExhausted, "daily", TimeSpan.FromHours(3)), default);
        _time.Advance(TimeSpan.FromHours(3));
        Assert.True((await _gate.EnterAsync(default)).IsProbe);

        await _gate.ReportAsync(new CrmOutcome(CrmOutcomeKind.Permanent, "VALIDATION_ERROR"), default);

        var state = await _gate.GetStateAsync(default);
        Assert.Equal((null, 0, CrmConnectionState.Healthy), (state.PausedUntil, state.ConsecutiveFailures, state.StateAt(_time.GetUtcNow())));
        Assert.Equal(CrmGateDecision.Open, await _gate.EnterAsync(default));
    }

    [Fact]
    public async Task A_short_429_never_shortens_a_quota_pause()
    {
        await _gate.ReportAsync(new CrmOutcome(CrmOutcomeKind.QuotaExhausted, "daily limit", TimeSpan.FromHours(5)), default);
        await _gate.ReportAsync(new CrmOutcome(CrmOutcomeKind.Transient, "ten secondly", TimeSpan.FromSeconds(1)) { Throttled = true }, default);

        var state = await _gate.GetStateAsync(default);
        Assert.Equal((_time.GetUtcNow() + TimeSpan.FromHours(5), "quota", "daily limit"), (state.PausedUntil, state.Cause, state.Reason));
    }

    [Fact]
    public async Task While_one_caller_probes_the_others_wait_for_its_lease()
    {
        await _gate.ReportAsync(new CrmOutcome(CrmOutcomeKind.Transient, "429", TimeSpan.FromMinutes(1)) { Throttled = true }, default);
        _time.Advance(TimeSpan.FromMinutes(1));

        var first = await _gate.EnterAsync(default);
        var second = await _gate.EnterAsync(default);

        Assert.True(first.IsProbe);
        Assert.Equal(CrmGateDecision.Wait(_time.GetUtcNow() + CrmPauseGate.ProbeLease, "429"), second);
        Assert.Equal(_time.GetUtcNow() + CrmPauseGate.ProbeLease, await _gate.ClosedUntilAsync(default));
    }

    [Fact]
    public async Task Callers_that_find_the_cache_out_of_date_together_share_one_read()
    {
        var store = new GatedStore();
        var gate = NewGate(store);
        await gate.EnterAsync(default);
        _time.Advance(CrmPauseGate.CacheFor);
        store.Hold();

        var calls = Enumerable.Range(0, 50).Select(_ => gate.EnterAsync(default)).ToList();
        store.Release(CrmPause.Healthy("hubspot"));

        Assert.All(await Task.WhenAll(calls), d => Assert.Equal(CrmGateDecision.Open, d));
        Assert.Equal(2, store.Reads);
    }

    [Fact]
    public async Task A_shared_read_that_fails_fails_every_waiting_caller_and_the_next_caller_reads_again()
    {
        var store = new GatedStore();
        var gate = NewGate(store);
        store.Hold();

        var calls = Enumerable.Range(0, 5).Select(_ => gate.EnterAsync(default)).ToList();
        store.Fail(new InvalidOperationException("storage down"));

        foreach (var call in calls)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => call);
        }

        Assert.Equal(CrmGateDecision.Open, await gate.EnterAsync(default));
        Assert.Equal(2, store.Reads);
    }

    private CrmPauseGate NewGate(ICrmPauseStore store, CrmOptions? settings = null)
    {
        var crm = new Mock<ICrmGateway>();
        crm.SetupGet(c => c.Name).Returns("hubspot");
        var options = Mock.Of<IOptionsMonitor<CrmOptions>>(o => o.CurrentValue == (settings ?? new CrmOptions()));
        return new CrmPauseGate(store, crm.Object, options, _time, NullLogger<CrmPauseGate>.Instance);
    }

    [Fact]
    public void Pause_reasons_mask_credentials_and_stay_short()
    {
        var cleaned = CrmPauseReason.Clean("401 for Bearer eyJhbGciOiJSUzI1NiJ9.abc and key pat-na1-3f2c9a7e-1b2d-4c5e-8f90-0a1b2c3d4e5f " + new string('x', 400));

        Assert.DoesNotContain("eyJhbGciOiJSUzI1NiJ9", cleaned, StringComparison.Ordinal);
        Assert.DoesNotContain("3f2c9a7e-1b2d-4c5e-8f90", cleaned, StringComparison.Ordinal);
        Assert.StartsWith("401 for Bearer ***", cleaned, StringComparison.Ordinal);
        Assert.True(cleaned.Length <= 301);
    }

    /// <summary>Counts reads; while held, reads wait until released (or failed).</summary>
    private sealed class GatedStore : ICrmPauseStore
    {
        private TaskCompletionSource<CrmPause>? _held;
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public void Hold() => _held = new TaskCompletionSource<CrmPause>(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release(CrmPause state)
        {
            var held = _held!;
            _held = null;
            held.SetResult(state);
        }

        public void Fail(Exception error)
        {
            var held = _held!;
            _held = null;
            held.SetException(error);
        }

        public Task<CrmPause> GetAsync(string crm, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return _held?.Task ?? Task.FromResult(CrmPause.Healthy(crm));
        }

        public Task<CrmPause?> TrySaveAsync(CrmPause pause, CancellationToken cancellationToken) => Task.FromResult<CrmPause?>(pause);
    }

    private sealed class MemoryStore : ICrmPauseStore
    {
        private CrmPause? _row;
        private int _version;

        public Task<CrmPause> GetAsync(string crm, CancellationToken cancellationToken) => Task.FromResult(_row ?? CrmPause.Healthy(crm));

        public Task<CrmPause?> TrySaveAsync(CrmPause pause, CancellationToken cancellationToken)
        {
            if (pause.ETag != _row?.ETag)
            {
                return Task.FromResult<CrmPause?>(null);
            }

            _row = pause with { ETag = $"v{++_version}" };
            return Task.FromResult<CrmPause?>(_row);
        }
    }
}
