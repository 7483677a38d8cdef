using LeadSync.Core.Crm;
using LeadSync.Core.Leads;
using LeadSync.Core.Recycle;
using LeadSync.Core.Sla;
using LeadSync.Core.Tests.Sla.Policies;
using Microsoft.Extensions.Time.Testing;

namespace LeadSync.Core.Tests.Recycle;

public sealed class RecyclePolicyTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Received);
    private readonly RecycleOptions _options = new() { NoProgressWindow = TimeSpan.FromDays(14), Cooldown = TimeSpan.FromDays(30), MaxRecycles = 3 };

    // Default ladder: first touch 1 h, levels at +0, +30 min, +2 h → the last level fires at 12:00.
    private RecyclePolicy Policy() =>
        new(new RoundTheClockSlaPolicy(new FixedOptionsMonitor<SlaOptions>(new SlaOptions())), new FixedOptionsMonitor<RecycleOptions>(_options));

    private static Lead Synced() => new LeadBuilder().ReceivedAt(Received)
        .With(l => l with { Status = LeadStatus.Synced, SyncedAt = Received, SlaDueAt = Received.AddHours(1) }).Build();

    private static Lead Contacted(DateTimeOffset at) => Synced() with { Status = LeadStatus.Contacted, StatusChangedAt = at, FirstTouchAt = at };

    private static CrmTouch Attempts(Lead lead, int attempts) => new(lead.Id, CrmLeadState.Contacted, lead.FirstTouchAt, attempts);

    [Fact]
    public void Sla_missed_fires_the_configured_delay_after_the_last_escalation_level()
    {
        _options.AfterLastLevel = TimeSpan.FromDays(1);
        var lead = Synced() with { EscalationLevel = 3 };

        _time.Advance(TimeSpan.FromHours(27) - TimeSpan.FromSeconds(1));
        Assert.Null(Policy().Trigger(lead, null, _time.GetUtcNow()));
        Assert.Equal(Received.AddHours(27), Policy().NextCheckAt(lead, _time.GetUtcNow()));

        _time.Advance(TimeSpan.FromSeconds(1));
        var change = Policy().Decide(lead, null, _time.GetUtcNow());

        Assert.NotNull(change);
        Assert.Equal(LeadStatus.Recycled, change.Lead.Status);
        Assert.Equal(RecycleReasons.SlaMissed, change.Lead.RecycleReason);
        Assert.Equal(1, change.Lead.RecycleCount);
        Assert.Equal(_time.GetUtcNow(), change.Lead.LastRecycledAt);
        Assert.Null(change.Lead.NurturePushedAt);
        Assert.Equal(LeadEvents.Recycled, Assert.Single(change.Entries).Event);
    }

    [Fact]
    public void Sla_missed_waits_for_a_late_last_level_to_fire_and_looks_again_shortly()
    {
        _options.AfterLastLevel = TimeSpan.FromDays(1);
        var lateSweep = Synced() with { EscalationLevel = 2 };
        _time.SetUtcNow(Received.AddHours(30));

        Assert.Null(Policy().Decide(lateSweep, null, _time.GetUtcNow()));
        Assert.Equal(_time.GetUtcNow() + RecyclePolicy.LadderPendingRecheck, Policy().NextCheckAt(lateSweep, _time.GetUtcNow()));
        Assert.Equal(RecycleReasons.SlaMissed, Policy().Trigger(lateSweep with { EscalationLevel = 3 }, null, _time.GetUtcNow()));
    }

    [Fact]
    public void Sla_missed_is_off_until_after_last_level_is_set()
    {
        _time.Advance(TimeSpan.FromDays(5));

        Assert.Null(Policy().Trigger(Synced(), null, _time.GetUtcNow()));
        Assert.Equal(Received.AddDays(14), Policy().NextCheckAt(Synced(), _time.GetUtcNow()));
    }

    [Fact]
    public void Sla_missed_does_not_apply_to_a_touched_lead()
    {
        _options.AfterLastLevel = TimeSpan.Zero;
        _time.Advance(TimeSpan.FromDays(2));

        Assert.Null(Policy().Trigger(Contacted(Received.AddMinutes(30)), null, _time.GetUtcNow()));
    }

    [Fact]
    public void Attempts_exhausted_within_the_window_recycles_a_contacted_lead()
    {
        _options.MaxAttempts = 6;
        _options.AttemptsWindow = TimeSpan.FromDays(10);
        var lead = Contacted(Received.AddHours(1));
        _time.Advance(TimeSpan.FromDays(4));

        Assert.Null(Policy().Trigger(lead, Attempts(lead, 5), _time.GetUtcNow()));
        var change = Policy().Decide(lead, Attempts(lead, 6), _time.GetUtcNow());

        Assert.Equal(RecycleReasons.AttemptsExhausted, change?.Lead.RecycleReason);
        Assert.Contains("6 attempts", change!.Entries[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Attempts_counted_after_the_window_do_not_trigger_and_polling_stops_at_the_window_end()
    {
        _options.MaxAttempts = 6;
        _options.AttemptsWindow = TimeSpan.FromDays(10);
        _options.AttemptsCheckInterval = TimeSpan.FromDays(1);
        var firstTouch = Received.AddHours(1);
        var lead = Contacted(firstTouch);

        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(firstTouch.AddDays(1), Policy().NextCheckAt(lead, _time.GetUtcNow()));

        _time.SetUtcNow(firstTouch.AddDays(9.5));
        Assert.Equal(firstTouch.AddDays(10), Policy().NextCheckAt(lead, _time.GetUtcNow()));

        _time.SetUtcNow(firstTouch.AddDays(10).AddSeconds(1));
        Assert.Null(Policy().Trigger(lead, Attempts(lead, 9), _time.GetUtcNow()));
        Assert.Equal(firstTouch.AddDays(14), Policy().NextCheckAt(lead, _time.GetUtcNow()));
    }

    [Fact]
    public void Attempts_trigger_is_off_when_max_attempts_is_zero()
    {
        _options.MaxAttempts = 0;
        var lead = Contacted(Received);
        _time.Advance(TimeSpan.FromDays(1));

        Assert.Null(Policy().Trigger(lead, Attempts(lead, 50), _time.GetUtcNow()));
    }

    [Fact]
    public void No_progress_recycles_a_contacted_lead_once_the_window_has_passed()
    {
        var lead = Contacted(Received.AddHours(2));

        _time.SetUtcNow(Received.AddHours(2).AddDays(14).AddTicks(-1));
        Assert.Null(Policy().Decide(lead, null, _time.GetUtcNow()));

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(RecycleReasons.NoProgress, Policy().Decide(lead, null, _time.GetUtcNow())?.Lead.RecycleReason);
    }

    [Fact]
    public void A_trigger_inside_the_cooldown_waits_until_the_cooldown_ends()
    {
        var lastRecycle = Received.AddDays(-20);
        var lead = Contacted(Received) with { RecycleCount = 1, LastRecycledAt = lastRecycle, StatusChangedAt = Received.AddDays(-15) };

        Assert.Equal(RecycleReasons.NoProgress, Policy().Trigger(lead, null, _time.GetUtcNow()));
        Assert.Null(Policy().Decide(lead, null, _time.GetUtcNow()));
        Assert.Equal(lastRecycle.AddDays(30), Policy().NextCheckAt(lead, _time.GetUtcNow()));

        _time.SetUtcNow(lastRecycle.AddDays(30));
        var change = Policy().Decide(lead, null, _time.GetUtcNow());
        Assert.Equal(2, change?.Lead.RecycleCount);
    }

    [Fact]
    public void A_trigger_past_the_maximum_closes_the_lead_as_recycle_exhausted()
    {
        var lead = Contacted(Received.AddDays(-20)) with { RecycleCount = 3, LastRecycledAt = Received.AddDays(-1) };

        var change = Policy().Decide(lead, null, _time.GetUtcNow());

        Assert.NotNull(change);
        Assert.Equal(LeadStatus.Disqualified, change.Lead.Status);
        Assert.Equal(RecycleReasons.Exhausted, change.Lead.CloseReason);
        Assert.Equal(3, change.Lead.RecycleCount);
        Assert.Contains("recycle-exhausted", change.Entries[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crm_recycle_past_the_maximum_is_closed_instead_of_pushed_to_nurture()
    {
        var withinMax = Synced() with { Status = LeadStatus.Recycled, RecycleCount = 3 };
        var pastMax = withinMax with { RecycleCount = 4 };

        Assert.Null(Policy().CloseIfExhausted(withinMax, _time.GetUtcNow()));
        Assert.Equal(LeadStatus.Disqualified, Policy().CloseIfExhausted(pastMax, _time.GetUtcNow())?.Lead.Status);
        Assert.Null(Policy().CloseIfExhausted(pastMax with { NurturePushedAt = Received }, _time.GetUtcNow()));
    }

    [Fact]
    public void A_crm_nurture_status_recycles_with_its_reason_and_starts_the_cooldown()
    {
        _time.Advance(TimeSpan.FromHours(3));
        var change = SalesActivity.Decide(Contacted(Received.AddHours(1)), new CrmTouch("x", CrmLeadState.Nurture), _time.GetUtcNow(), "sandbox");

        Assert.Equal(RecycleReasons.CrmNurtureStatus, change?.Lead.RecycleReason);
        Assert.Equal(_time.GetUtcNow(), change?.Lead.LastRecycledAt);
        Assert.Equal(1, change?.Lead.RecycleCount);
    }

    [Fact]
    public void Closed_and_recycled_leads_need_no_further_check()
    {
        Assert.Null(Policy().NextCheckAt(Synced() with { Status = LeadStatus.Converted }, _time.GetUtcNow()));
        Assert.Null(Policy().NextCheckAt(Synced() with { Status = LeadStatus.Recycled }, _time.GetUtcNow()));
    }

    [Fact]
    public void The_validator_rejects_a_non_positive_no_progress_window()
    {
        var result = new RecycleOptionsValidator().Validate(null, new RecycleOptions { NoProgressWindow = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Contains("NoProgressWindow", result.FailureMessage, StringComparison.Ordinal);
    }
}
