using LeadSync.Core.Crm;
using LeadSync.Core.Leads;
using LeadSync.Core.Tests.Sla.Policies;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LeadSync.Core.Tests.Crm;

public sealed class CrmUpsertBatcherTests
{
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan BacklogLinger = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_full_batch_goes_in_one_call_without_waiting_for_the_linger()
    {
        var crm = new ScriptedCrmGateway(maxUpsertBatch: 3);
        using var batcher = Batcher(crm);
        var leads = Leads(3);

        var results = await Task.WhenAll(leads.Select(l => batcher.UpsertAsync(l, CancellationToken.None))).WaitAsync(HangGuard);

        var call = await crm.NextCallAsync();
        Assert.Equal(leads.Select(l => l.Id).Order(StringComparer.Ordinal), call.Leads.Select(l => l.Id).Order(StringComparer.Ordinal));
        Assert.Equal(1, crm.CallCount);
        Assert.All(results, r => Assert.True(r.Outcome.Succeeded));
    }

    [Fact]
    public async Task A_partial_batch_goes_once_the_linger_has_passed()
    {
        var crm = new ScriptedCrmGateway(maxUpsertBatch: 100);
        using var batcher = Batcher(crm);
        var leads = Leads(2);

        var pending = leads.Select(l => batcher.UpsertAsync(l, CancellationToken.None)).ToList();
        _time.Advance(Linger - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, crm.CallCount);
        Assert.All(pending, t => Assert.False(t.IsCompleted));

        _time.Advance(TimeSpan.FromMilliseconds(1));
        var results = await Task.WhenAll(pending).WaitAsync(HangGuard);

        var call = await crm.NextCallAsync();
        Assert.Equal(2, call.Leads.Count);
        Assert.Equal(1, crm.CallCount);
        Assert.Equal(leads.Select(l => l.Id), results.Select(r => r.LeadId));
    }

    [Fact]
    public async Task While_a_backlog_waits_a_partial_batch_lingers_for_the_backlog_linger_and_a_full_one_goes_at_once()
    {
        var crm = new ScriptedCrmGateway(maxUpsertBatch: 3);
        var backlog = new SyncBacklogSignal(_time);
        backlog.Report(1000);
        using var batcher = Batcher(crm, backlog: backlog);

        var partial = Leads(2).Select(l => batcher.UpsertAsync(l, CancellationToken.None)).ToList();
        _time.Advance(BacklogLinger - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, crm.CallCount);
        var third = batcher.UpsertAsync(Leads(3)[2], CancellationToken.None);

        await Task.WhenAll([.. partial, third]).WaitAsync(HangGuard);
        Assert.Equal(3, (await crm.NextCallAsync()).Leads.Count);
        Assert.Equal(1, crm.CallCount);

        var lone = batcher.UpsertAsync(Leads(4)[3], CancellationToken.None);
        _time.Advance(BacklogLinger);
        await lone.WaitAsync(HangGuard);
        Assert.Single((await crm.NextCallAsync()).Leads);
    }

    [Fact]
    public async Task A_small_or_stale_backlog_sample_keeps_the_short_linger()
    {
        var crm = new ScriptedCrmGateway(maxUpsertBatch: 100);
        var backlog = new SyncBacklogSignal(_time);
        backlog.Report(999);
        using var batcher = Batcher(crm, backlog: backlog);

        var small = batcher.UpsertAsync(Leads(1)[0], CancellationToken.None);
        _time.Advance(Linger);
        await small.WaitAsync(HangGuard);
        Assert.Equal(1, crm.CallCount);

        backlog.Report(50_000);
        _time.Advance(SyncBacklogSignal.Freshness + TimeSpan.FromSeconds(1));
        var stale = batcher.UpsertAsync(Leads(2)[1], CancellationToken.None);
        _time.Advance(Linger);
        await stale.WaitAsync(HangGuard);
        Assert.Equal(2, crm.CallCount);
    }

    [Fact]
    public async Task A_backlog_of_few_messages_carrying_many_leads_lingers_for_full_batches()
    {
        // 20 sampled messages of 100 leads (a backlog filing grouped): 2,000 leads wait, well over the 1,000 threshold.
        var crm = new ScriptedCrmGateway(maxUpsertBatch: 200);
        var backlog = new SyncBacklogSignal(_time);
        backlog.Report(20);
        backlog.Handling(100).Dispose();
        using var batcher = Batcher(crm, backlog: backlog);

        var first = Leads(150).Select(l => batcher.UpsertAsync(l, CancellationToken.None)).ToList();
        _time.Advance(Linger);
        _time.Advance(Linger);
        Assert.Null(await crm.TryNextCallAsync(TimeSpan.FromMilliseconds(100)));

        var rest = Leads(200).Skip(150).Select(l => batcher.UpsertAsync(l, CancellationToken.None));
        await Task.WhenAll([.. first, .. rest]).WaitAsync(HangGuard);
        Assert.Equal(200, (await crm.NextCallAsync()).Leads.Count);
        Assert.Equal(1, crm.CallCount);
    }

    [Fact]
    public async Task Once_the_backlog_is_taken_up_the_last_partial_batch_goes_within_the_short_linger()
    {
        // 10 sampled messages of 100 leads; one is in hand, nine are still to come.
        var crm = new ScriptedCrmGateway(maxUpsertBatch: 200);
        var backlog = new SyncBacklogSignal(_time);
        backlog.Report(10);
        backlog.Handling(100).Dispose();
        using var batcher = Batcher(crm, backlog: backlog);

        var last = Leads(150).Select(l => batcher.UpsertAsync(l, CancellationToken.None)).ToList();
        _time.Advance(Linger);
        _time.Advance(Linger);
        Assert.Null(await crm.TryNextCallAsync(TimeSpan.FromMilliseconds(100)));

        for (var i = 0; i < 9; i++)
        {
            backlog.Handling(100).Dispose();
        }

        _time.Advance(Linger);
        await Task.WhenAll(last).WaitAsync(HangGuard);
        Assert.Equal(150, (await crm.NextCallAsync()).Leads.Count);
    }

    [Fact]
    public async Task With_the_rest_of_the_backlog_in_hand_a_partial_batch_fills_while_leads_keep_joining()
    {
        var crm = new ScriptedCrmGateway(maxUpsertBatch: 200);
        var backlog = new SyncBacklogSignal(_time);
        backlog.Report(10);
        for (var i = 0; i < 10; i++)
        {
            backlog.Handling(100).Dispose();
        }

        using var batcher = Batcher(crm, backlog: backlog);
        var leads = Leads(6);
        var pending = new List<Task<CrmUpsertResult>>();
        foreach (var lead in leads)
        {
            pending.Add(batcher.UpsertAsync(lead, CancellationToken.None));
            _time.Advance(Linger / 2);
        }

        Assert.Null(await crm.TryNextCallAsync(TimeSpan.FromMilliseconds(100)));
        _time.Advance(Linger);
        await Task.WhenAll(pending).WaitAsync(HangGuard);
        Assert.Equal(6, (await crm.NextCallAsync()).Leads.Count);
        Assert.Equal(1, crm.CallCount);
    }

    [Fact]
    public async Task Each_caller_gets_its_own_record_result_including_a_failure_among_successes()
    {
        var crm = new ScriptedCrmGateway(maxUpsertBatch: 3);
        var leads = Leads(3);
        var rejected = leads[1].Id;
        crm.Answer = batch => [.. batch.Reverse().Select(l => l.Id == rejected
            ? new CrmUpsertResult(l.Id, new CrmOutcome(CrmOutcomeKind.Permanent, "INVALID_EMAIL"))
            : new CrmUpsertResult(l.Id, CrmOutcome.Success, "crm-" + l.Id, "owner-" + l.Id))];
        using var batcher = Batcher(crm);

        var results = await Task.WhenAll(leads.Select(l => batcher.UpsertAsync(l, CancellationToken.None))).WaitAsync(HangGuard);

        Assert.Equal(1, crm.CallCount);
        for (var i = 0; i < leads.Count; i++)
        {
            Assert.Equal(leads[i].Id, results[i].LeadId);
        }

        Assert.Equal(CrmOutcomeKind.Permanent, results[1].Outcome.Kind);
        Assert.Equal("INVALID_EMAIL", results[1].Outcome.Reason);
        Assert.Equal("crm-" + leads[0].Id, results[0].CrmId);
        Assert.Equal("owner-" + leads[2].Id, results[2].Owner);
    }

    [Fact]
    public async Task A_lead_the_crm_does_not_report_is_a_transient_failure_for_that_caller_only()
    {
        var crm = new ScriptedCrmGateway(maxUpsertBatch: 2);
        var leads = Leads(2);
        crm.Answer = batch => [new CrmUpsertResult(leads[0].Id, CrmOutcome.Success, "crm-1")];
        using var batcher = Batcher(crm);

        var results = await Task.WhenAll(leads.Select(l => batcher.UpsertAsync(l, CancellationToken.None))).WaitAsync(HangGuard);

        Assert.True(results[0].Outcome.Succeeded);
        Assert.Equal(CrmOutcomeKind.Transient, results[1].Outcome.Kind);
    }

    [Fact]
    public async Task A_whole_call_failure_reaches_every_caller_of_the_batch()
    {
        var crm = new ScriptedCrmGateway(maxUpsertBatch: 3) { Answer = _ => throw new HttpRequestException("connection refused") };
        using var batcher = Batcher(crm);

        var pending = Leads(3).Select(l => batcher.UpsertAsync(l, CancellationToken.None)).ToList();

        foreach (var call in pending)
        {
            var ex = await Assert.ThrowsAsync<HttpRequestException>(() => call.WaitAsync(HangGuard));
            Assert.Equal("connection refused", ex.Message);
        }

        Assert.Equal(1, crm.CallCount);
    }

    [Fact]
    public async Task A_caller_cancelled_before_its_batch_goes_is_left_out_and_the_others_are_answered()
    {
        var crm = new ScriptedCrmGateway(maxUpsertBatch: 3);
        using var batcher = Batcher(crm);
        var leads = Leads(4);
        using var cancel = new CancellationTokenSource();

        var cancelled = batcher.UpsertAsync(leads[0], cancel.Token);
        var first = batcher.UpsertAsync(leads[1], CancellationToken.None);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(HangGuard));
        var others = new[] { first, batcher.UpsertAsync(leads[2], CancellationToken.None) };

        var results = await Task.WhenAll(others).WaitAsync(HangGuard);

        var call = await crm.NextCallAsync();
        Assert.DoesNotContain(call.Leads, l => l.Id == leads[0].Id);
        Assert.Equal(2, call.Leads.Count);
        Assert.All(results, r => Assert.True(r.Outcome.Succeeded));
    }

    [Fact]
    public async Task A_caller_cancelled_while_its_call_is_in_flight_does_not_break_the_call_for_the_others()
    {
        var crm = new ScriptedCrmGateway(maxUpsertBatch: 2, holdCalls: true);
        using var batcher = Batcher(crm);
        var leads = Leads(2);
        using var cancel = new CancellationTokenSource();

        var cancelled = batcher.UpsertAsync(leads[0], cancel.Token);
        var other = batcher.UpsertAsync(leads[1], CancellationToken.None);
        var call = await crm.NextCallAsync();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(HangGuard));
        call.Release();

        var result = await other.WaitAsync(HangGuard);
        Assert.True(result.Outcome.Succeeded);
        Assert.Equal(2, call.Leads.Count);
    }

    [Fact]
    public async Task One_lead_submitted_twice_goes_once_with_its_latest_data_and_both_callers_get_the_result()
    {
        var crm = new ScriptedCrmGateway(maxUpsertBatch: 3);
        using var batcher = Batcher(crm);
        var lead = new LeadBuilder().WithStatus(LeadStatus.SalesReady).Build();
        var newer = lead with { Contact = lead.Contact with { Company = "Difference Engines" } };
        var other = Leads(1)[0];

        var pending = new[]
        {
            batcher.UpsertAsync(lead, CancellationToken.None),
            batcher.UpsertAsync(newer, CancellationToken.None),
            batcher.UpsertAsync(other, CancellationToken.None),
        };
        Assert.Equal(0, crm.CallCount);
        _time.Advance(Linger);
        var results = await Task.WhenAll(pending).WaitAsync(HangGuard);

        var call = await crm.NextCallAsync();
        Assert.Equal(2, call.Leads.Count);
        Assert.Equal("Difference Engines", Assert.Single(call.Leads, l => l.Id == lead.Id).Contact.Company);
        Assert.Equal(results[0], results[1]);
        Assert.Equal(1, crm.CallCount);
    }

    [Fact]
    public async Task Leads_submitted_while_the_calls_are_in_flight_fill_the_next_batches()
    {
        var crm = new ScriptedCrmGateway(maxUpsertBatch: 100, holdCalls: true);
        using var batcher = Batcher(crm, maxBatchesInFlight: 1);

        var lone = batcher.UpsertAsync(Leads(1)[0], CancellationToken.None);
        _time.Advance(Linger);
        var first = await crm.NextCallAsync();
        var backlog = Leads(150).Select(l => batcher.UpsertAsync(l, CancellationToken.None)).ToList();
        first.Release();
        var second = await crm.NextCallAsync();
        second.Release();
        var third = await AdvanceUntilNextCallAsync(crm);
        third.Release();
        await Task.WhenAll(backlog.Append(lone)).WaitAsync(HangGuard);

        Assert.Equal([1, 100, 50], new[] { first, second, third }.Select(c => c.Leads.Count));
        Assert.Equal(151, new[] { first, second, third }.SelectMany(c => c.Leads).Select(l => l.Id).Distinct().Count());
    }

    [Fact]
    public async Task No_more_calls_than_allowed_are_in_flight_at_once()
    {
        var crm = new ScriptedCrmGateway(maxUpsertBatch: 1, holdCalls: true);
        using var batcher = Batcher(crm, maxBatchesInFlight: 2);

        var pending = Leads(3).Select(l => batcher.UpsertAsync(l, CancellationToken.None)).ToList();
        var first = await crm.NextCallAsync();
        var second = await crm.NextCallAsync();
        Assert.Equal(2, crm.CallCount);
        first.Release();
        var third = await crm.NextCallAsync();
        second.Release();
        third.Release();
        await Task.WhenAll(pending).WaitAsync(HangGuard);

        Assert.Equal(3, crm.CallCount);
    }

    [Fact]
    public async Task A_partial_batch_keeps_filling_past_its_linger_while_the_limiter_has_no_permit()
    {
        var crm = new ScriptedCrmGateway(maxUpsertBatch: 3) { LimiterHasPermit = false };
        using var batcher = Batcher(crm);
        var leads = Leads(3);

        var pending = leads.Take(2).Select(l => batcher.UpsertAsync(l, CancellationToken.None)).ToList();
        for (var i = 0; i < 5; i++)
        {
            _time.Advance(Linger);
        }

        Assert.Null(await crm.TryNextCallAsync(TimeSpan.FromMilliseconds(100)));
        pending.Add(batcher.UpsertAsync(leads[2], CancellationToken.None));
        var results = await Task.WhenAll(pending).WaitAsync(HangGuard);

        var call = await crm.NextCallAsync();
        Assert.Equal(3, call.Leads.Count);
        Assert.Equal(1, crm.CallCount);
        Assert.All(results, r => Assert.True(r.Outcome.Succeeded));
    }

    [Fact]
    public async Task A_partial_batch_held_for_a_permit_goes_within_a_linger_once_one_is_free()
    {
        var crm = new ScriptedCrmGateway(maxUpsertBatch: 100) { LimiterHasPermit = false };
        using var batcher = Batcher(crm);
        var leads = Leads(2);

        var pending = leads.Select(l => batcher.UpsertAsync(l, CancellationToken.None)).ToList();
        _time.Advance(Linger);
        _time.Advance(Linger);
        Assert.Equal(0, crm.CallCount);

        crm.LimiterHasPermit = true;
        _time.Advance(Linger);
        var results = await Task.WhenAll(pending).WaitAsync(HangGuard);

        Assert.Equal(2, (await crm.NextCallAsync()).Leads.Count);
        Assert.Equal(1, crm.CallCount);
        Assert.Equal(leads.Select(l => l.Id), results.Select(r => r.LeadId));
    }

    /// <summary>
    /// Moves the fake clock on until the next call arrives: the linger clock starts when a call slot frees up, which
    /// happens on another thread after a held call is released.
    /// </summary>
    private async Task<ScriptedCrmCall> AdvanceUntilNextCallAsync(ScriptedCrmGateway crm)
    {
        var giveUpAt = DateTime.UtcNow + HangGuard;
        while (DateTime.UtcNow < giveUpAt)
        {
            _time.Advance(Linger);
            if (await crm.TryNextCallAsync(TimeSpan.FromMilliseconds(50)) is { } call)
            {
                return call;
            }
        }

        throw new TimeoutException("No call arrived.");
    }

    private CrmUpsertBatcher Batcher(ICrmGateway crm, int maxBatchesInFlight = 4, SyncBacklogSignal? backlog = null) =>
        new(crm, new FixedOptionsMonitor<CrmOptions>(new CrmOptions
        {
            BatchLinger = Linger, BacklogLinger = BacklogLinger, BacklogThreshold = 1000, MaxBatchesInFlight = maxBatchesInFlight,
        }), backlog ?? new SyncBacklogSignal(_time), _time, NullLogger<CrmUpsertBatcher>.Instance);

    private static List<Lead> Leads(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new LeadBuilder().WithStatus(LeadStatus.SalesReady)
            .With(l => l with { Contact = l.Contact with { Email = $"lead{i}@example.com" } }).Build())];
}
