using LeadSync.Core.Sla.Cadence;
using LeadSync.Core.Sla.Calendars;
using LeadSync.Core.Tests.Sla.Calendars;
using Microsoft.Extensions.Time.Testing;

namespace LeadSync.Core.Tests.Sla.Cadence;

/// <summary>
/// The cadence checkpoints on a fake clock across nights, weekends, a holiday and DST changes. Expected instants are
/// worked out by hand in local time and written in UTC, so a calendar that forgot the DST shift fails by an hour.
/// </summary>
public sealed class CadenceEvaluatorTests
{
    private static readonly CadencePolicy Cadence = new([
        new CadenceCheckpoint(1, TimeSpan.FromHours(1)),
        new CadenceCheckpoint(3, TimeSpan.FromHours(16)),
        new CadenceCheckpoint(6, TimeSpan.FromHours(80)),
    ]);

    // New York, weekdays 09:00-17:00, Tuesday 10 March 2026 a holiday; clocks go forward on Sunday 8 March.
    private static readonly IBusinessCalendar NewYork = TestCalendars.Weekdays("America/New_York", "09:00-17:00", "2026-03-10");

    // Friday 6 March 2026 16:30 EST.
    private static readonly DateTimeOffset Handoff = new(2026, 3, 6, 21, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Checkpoints_fall_due_in_business_time_across_the_weekend_the_spring_dst_change_and_a_holiday()
    {
        var results = CadenceEvaluator.Evaluate(Cadence, NewYork, Handoff, AttemptLog.Empty, Handoff);

        // 30 min on Friday, then Monday 09:00-09:30 EDT (UTC-4 since Sunday): 13:30Z, not 14:30Z.
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 13, 30, 0, TimeSpan.Zero), results[0].DueAt);

        // 0.5 h Friday + 8 h Monday, Tuesday is a holiday, 7.5 h on Wednesday: 16:30 EDT.
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 20, 30, 0, TimeSpan.Zero), results[1].DueAt);

        // 80 h: 0.5 + 8 (Mon 9th) + 8 working days of 8 h (11th to 20th) = 72.5 h, then 7.5 h into Monday 23rd: 16:30 EDT.
        Assert.Equal(new DateTimeOffset(2026, 3, 23, 20, 30, 0, TimeSpan.Zero), results[2].DueAt);
        Assert.All(results, r => Assert.Equal(CheckpointOutcome.Pending, r.Outcome));
    }

    [Fact]
    public void A_checkpoint_is_pending_until_its_due_time_and_missed_from_it_on_a_fake_clock()
    {
        var clock = new FakeTimeProvider(Handoff);
        var due = new DateTimeOffset(2026, 3, 9, 13, 30, 0, TimeSpan.Zero);

        // Saturday and Sunday pass without the checkpoint falling due: the clock only runs in working time.
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 8, 23, 0, 0, TimeSpan.Zero));
        Assert.Equal(CheckpointOutcome.Pending, CadenceEvaluator.Evaluate(Cadence, NewYork, Handoff, AttemptLog.Empty, clock.GetUtcNow())[0].Outcome);

        clock.SetUtcNow(due - TimeSpan.FromSeconds(1));
        Assert.Equal(CheckpointOutcome.Pending, CadenceEvaluator.Evaluate(Cadence, NewYork, Handoff, AttemptLog.Empty, clock.GetUtcNow())[0].Outcome);

        clock.SetUtcNow(due);
        var missed = CadenceEvaluator.Evaluate(Cadence, NewYork, Handoff, AttemptLog.Empty, clock.GetUtcNow())[0];
        Assert.Equal((CheckpointOutcome.Missed, 0), (missed.Outcome, missed.Attempts));
    }

    [Fact]
    public void Attempts_count_by_each_checkpoints_due_time_not_by_now()
    {
        var monday0910 = new DateTimeOffset(2026, 3, 9, 13, 10, 0, TimeSpan.Zero);
        var wednesday = new DateTimeOffset(2026, 3, 11, 15, 0, 0, TimeSpan.Zero);
        var lateAttempt = new DateTimeOffset(2026, 3, 12, 14, 0, 0, TimeSpan.Zero);
        var attempts = new AttemptLog([monday0910, wednesday, lateAttempt], []);
        var now = new DateTimeOffset(2026, 3, 12, 15, 0, 0, TimeSpan.Zero);

        var results = CadenceEvaluator.Evaluate(Cadence, NewYork, Handoff, attempts, now);

        Assert.Equal((CheckpointOutcome.Met, (DateTimeOffset?)monday0910), (results[0].Outcome, results[0].MetAt));

        // The third attempt came after checkpoint 2's due time (Wednesday 20:30Z): 2 of 3, missed.
        Assert.Equal((CheckpointOutcome.Missed, 2), (results[1].Outcome, results[1].Attempts));
        Assert.Equal((CheckpointOutcome.Pending, 3), (results[2].Outcome, results[2].Attempts));
    }

    [Fact]
    public void Checkpoints_fall_due_in_business_time_across_the_autumn_dst_change_in_new_york()
    {
        // Friday 30 October 2026 16:30 EDT; clocks go back on Sunday 1 November: Monday 09:30 EST is 14:30Z.
        var handoff = new DateTimeOffset(2026, 10, 30, 20, 30, 0, TimeSpan.Zero);

        var first = CadenceEvaluator.Evaluate(Cadence, NewYork, handoff, AttemptLog.Empty, handoff)[0];

        Assert.Equal(new DateTimeOffset(2026, 11, 2, 14, 30, 0, TimeSpan.Zero), first.DueAt);
    }

    [Fact]
    public void Checkpoints_fall_due_in_business_time_across_the_autumn_dst_change_in_berlin()
    {
        var berlin = TestCalendars.Weekdays("Europe/Berlin", "09:00-17:00");

        // Friday 23 October 2026 16:30 CEST; clocks go back on Sunday 25 October: Monday 09:30 CET is 08:30Z.
        var handoff = new DateTimeOffset(2026, 10, 23, 14, 30, 0, TimeSpan.Zero);
        var results = CadenceEvaluator.Evaluate(Cadence, berlin, handoff, AttemptLog.Empty, handoff);

        Assert.Equal(new DateTimeOffset(2026, 10, 26, 8, 30, 0, TimeSpan.Zero), results[0].DueAt);

        // 0.5 + 8 (Mon) + 7.5 (Tue): Tuesday 16:30 CET.
        Assert.Equal(new DateTimeOffset(2026, 10, 27, 15, 30, 0, TimeSpan.Zero), results[1].DueAt);
    }

    [Fact]
    public void A_call_reported_by_a_native_event_and_by_the_crms_activities_counts_once()
    {
        var call = new DateTimeOffset(2026, 3, 9, 13, 10, 0, TimeSpan.Zero);
        var log = new AttemptLog([call], [call.AddSeconds(20)]);

        Assert.Equal(1, log.CountBy(call.AddHours(1)));
        Assert.Equal(1, log.Total);
    }

    [Fact]
    public void Native_attempts_count_when_the_crms_activities_lag_behind()
    {
        var first = new DateTimeOffset(2026, 3, 9, 13, 10, 0, TimeSpan.Zero);
        var log = new AttemptLog([first], [first, first.AddMinutes(30)]);

        Assert.Equal(2, log.CountBy(first.AddHours(1)));
        Assert.Equal(first.AddMinutes(30), log.NthAt(2));
    }
}
