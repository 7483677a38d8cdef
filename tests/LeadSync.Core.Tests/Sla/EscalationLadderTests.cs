using LeadSync.Core.Leads;
using LeadSync.Core.Notifications;
using LeadSync.Core.Sla;
using LeadSync.Core.Tests.Sla.Policies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static LeadSync.Core.Tests.Sla.Calendars.TestCalendars;

namespace LeadSync.Core.Tests.Sla;

/// <summary>Every ladder path on the hot/warm/cold example tiers, with the clock a FakeTimeProvider.</summary>
public sealed class EscalationLadderTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(30);
    private readonly ISlaPolicy _tiers = SlaSettings.Tiers();

    // Hot tier (Berlin calendar): deadline 5 business minutes after receipt; levels at +0 (notify), +10 (reassign), +60 (mark-breached).
    private static Lead HotLead(LeadStatus status = LeadStatus.Synced) =>
        new LeadBuilder().ReceivedAt(At("2026-11-23T10:00:00+01:00"))
            .With(l => l with { Score = 92, Status = status, SlaDueAt = At("2026-11-23T10:05:00+01:00"), Owner = "ana" })
            .Build();

    private static FakeTimeProvider ClockAt(string at) => new(At(at));

    [Fact]
    public void Nothing_escalates_before_the_first_level_is_due()
    {
        var clock = ClockAt("2026-11-23T10:04:59+01:00");

        Assert.Null(EscalationLadder.Escalate(_tiers, HotLead(), clock.GetUtcNow()));
    }

    [Fact]
    public void The_first_level_raises_one_notice_and_marks_the_sla_missed()
    {
        var clock = ClockAt("2026-11-23T10:07:00+01:00");

        var change = EscalationLadder.Escalate(_tiers, HotLead(), clock.GetUtcNow())!;

        Assert.Equal(1, change.Lead.EscalationLevel);
        Assert.False(change.Lead.SlaMet);
        Assert.Null(change.Lead.BreachMarkedAt);
        var notice = Assert.Single(change.Notices);
        Assert.Equal((1, "owner", EscalationActions.Notify), (notice.Level, notice.Recipient, notice.Action));
        Assert.Equal(At("2026-11-23T10:05:00+01:00"), notice.DeadlineAt);
        Assert.Equal([LeadEvents.Escalated], change.Entries.Select(e => e.Event));
        Assert.Contains("2 min", change.Entries[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reassign_level_carries_its_action_on_the_notice_for_the_sweep_to_execute()
    {
        var lead = HotLead() with { EscalationLevel = 1 };
        var clock = ClockAt("2026-11-23T10:15:00+01:00");

        var change = EscalationLadder.Escalate(_tiers, lead, clock.GetUtcNow())!;

        Assert.Equal(EscalationActions.Reassign, change.Notices[0].Action);
        Assert.Equal("manager", change.Notices[0].Recipient);
    }

    [Fact]
    public void A_mark_breached_level_marks_the_lead_and_says_so_on_the_timeline()
    {
        var lead = HotLead() with { EscalationLevel = 2 };
        var clock = ClockAt("2026-11-23T11:05:00+01:00");

        var change = EscalationLadder.Escalate(_tiers, lead, clock.GetUtcNow())!;

        Assert.Equal(3, change.Lead.EscalationLevel);
        Assert.Equal(clock.GetUtcNow(), change.Lead.BreachMarkedAt);
        Assert.Equal([LeadEvents.Escalated, LeadEvents.Breached], change.Entries.Select(e => e.Event));
    }

    [Fact]
    public void The_ladder_stops_after_its_last_level_and_for_leads_no_longer_waiting()
    {
        var clock = ClockAt("2026-11-24T12:00:00+01:00");

        Assert.Null(EscalationLadder.Escalate(_tiers, HotLead() with { EscalationLevel = 3 }, clock.GetUtcNow()));
        Assert.Null(EscalationLadder.Escalate(_tiers, HotLead(LeadStatus.Contacted), clock.GetUtcNow()));
    }

    [Fact]
    public void An_acknowledgement_pauses_the_next_level_until_ack_plus_grace()
    {
        var clock = ClockAt("2026-11-23T10:06:00+01:00");
        var acked = EscalationLadder.Acknowledge(HotLead() with { EscalationLevel = 1 }, 1, "ana", clock.GetUtcNow(), Grace)!;

        Assert.Equal(("ana", clock.GetUtcNow()), (acked.Lead.AcknowledgedBy, acked.Lead.AcknowledgedAt));
        Assert.Equal(At("2026-11-23T10:36:00+01:00"), acked.Lead.LadderPausedUntil);
        Assert.Equal(LeadEvents.Acknowledged, Assert.Single(acked.Entries).Event);
        Assert.Equal(At("2026-11-23T10:36:00+01:00"), EscalationLadder.DueAt(_tiers, acked.Lead, 2));

        clock.Advance(TimeSpan.FromMinutes(20)); // 10:26: level 2 was due at 10:15 but the ladder waits.
        Assert.Null(EscalationLadder.Escalate(_tiers, acked.Lead, clock.GetUtcNow()));

        clock.Advance(TimeSpan.FromMinutes(10)); // 10:36
        Assert.Equal(2, EscalationLadder.Escalate(_tiers, acked.Lead, clock.GetUtcNow())!.Lead.EscalationLevel);
    }

    [Fact]
    public void A_grace_that_ends_before_the_level_is_due_does_not_move_it()
    {
        var lead = HotLead() with { EscalationLevel = 2 };
        var clock = ClockAt("2026-11-23T10:16:00+01:00");

        var acked = EscalationLadder.Acknowledge(lead, 2, "ana", clock.GetUtcNow(), Grace)!;

        // Level 3 is due 60 business minutes after the deadline (11:05), later than ack + grace (10:46).
        Assert.Equal(At("2026-11-23T11:05:00+01:00"), EscalationLadder.DueAt(_tiers, acked.Lead, 3));
    }

    [Fact]
    public void A_later_acknowledgement_never_shortens_an_earlier_pause()
    {
        var lead = HotLead() with { LadderPausedUntil = At("2026-11-23T12:00:00+01:00") };

        var acked = EscalationLadder.Acknowledge(lead, 1, "bo", At("2026-11-23T10:10:00+01:00"), Grace)!;

        Assert.Equal(At("2026-11-23T12:00:00+01:00"), acked.Lead.LadderPausedUntil);
    }

    [Fact]
    public void A_closed_lead_cannot_be_acknowledged()
    {
        Assert.Null(EscalationLadder.Acknowledge(HotLead(LeadStatus.Converted), 1, "ana", At("2026-11-23T10:10:00+01:00"), Grace));
    }

    [Fact]
    public void A_first_touch_before_the_deadline_meets_the_sla_in_business_minutes()
    {
        // Received Friday 17:45 Berlin; touched Monday 09:04: 4 business minutes, deadline Monday 09:05.
        var lead = new LeadBuilder().ReceivedAt(At("2026-11-27T17:45:00+01:00"))
            .With(l => l with { Score = 92, Status = LeadStatus.Contacted, FirstTouchAt = At("2026-11-30T09:04:00+01:00") }).Build();

        var stamped = EscalationLadder.WithFirstTouchResult(_tiers, new LeadChange(lead, [])).Lead;

        Assert.Equal(4, stamped.BusinessMinutesToFirstTouch);
        Assert.True(stamped.SlaMet);
    }

    [Fact]
    public void A_first_touch_after_the_deadline_breaches_the_sla()
    {
        var lead = new LeadBuilder().ReceivedAt(At("2026-11-27T17:45:00+01:00"))
            .With(l => l with { Score = 92, Status = LeadStatus.Contacted, FirstTouchAt = At("2026-11-30T09:12:00+01:00") }).Build();

        var stamped = EscalationLadder.WithFirstTouchResult(_tiers, new LeadChange(lead, [])).Lead;

        Assert.Equal(12, stamped.BusinessMinutesToFirstTouch);
        Assert.False(stamped.SlaMet);
    }

    [Fact]
    public void An_escalated_lead_stays_breached_even_if_the_crm_reports_an_earlier_touch()
    {
        var lead = HotLead(LeadStatus.Contacted) with { SlaMet = false, FirstTouchAt = At("2026-11-23T10:01:00+01:00") };

        var stamped = EscalationLadder.WithFirstTouchResult(_tiers, new LeadChange(lead, [])).Lead;

        Assert.Equal(1, stamped.BusinessMinutesToFirstTouch);
        Assert.False(stamped.SlaMet);
    }

    [Fact]
    public void A_contacted_lead_short_of_its_cadence_at_window_end_is_flagged_once_with_an_owner_notice()
    {
        // Hot cadence: 6 attempts in 3 days 3 h of Berlin business time.
        var lead = HotLead(LeadStatus.Contacted) with { FirstTouchAt = At("2026-11-23T09:00:00+01:00") };
        var windowEnd = EscalationLadder.FollowUpWindowEnd(_tiers, lead)!.Value;
        Assert.Equal(At("2026-12-04T17:30:00+01:00"), windowEnd);

        Assert.Null(EscalationLadder.CheckFollowUp(_tiers, lead, 2, windowEnd.AddMinutes(-1)));
        var missed = EscalationLadder.CheckFollowUp(_tiers, lead, 2, windowEnd)!;

        Assert.True(missed.Lead.FollowUpMissed);
        Assert.Equal(2, missed.Lead.ContactAttempts);
        Assert.Equal(LeadEvents.FollowUpMissed, Assert.Single(missed.Entries).Event);
        var notice = Assert.Single(missed.Notices);
        Assert.Equal((EscalationNotice.FollowUpLevel, "owner"), (notice.Level, notice.Recipient));
        Assert.Null(EscalationLadder.CheckFollowUp(_tiers, missed.Lead, 2, windowEnd.AddDays(1)));
    }

    [Fact]
    public void A_contacted_lead_that_kept_its_cadence_only_records_its_attempts()
    {
        var lead = HotLead(LeadStatus.Contacted) with { FirstTouchAt = At("2026-11-23T09:00:00+01:00") };

        var kept = EscalationLadder.CheckFollowUp(_tiers, lead, 6, At("2026-12-05T00:00:00+01:00"))!;

        Assert.False(kept.Lead.FollowUpMissed);
        Assert.Equal(6, kept.Lead.ContactAttempts);
        Assert.Empty(kept.Notices);
        Assert.Empty(kept.Entries);
    }

    [Fact]
    public void A_lead_whose_policy_sets_no_cadence_has_no_follow_up_window()
    {
        var partner = new LeadBuilder().With(l => l with { Source = "partner-portal", Status = LeadStatus.Contacted, FirstTouchAt = l.ReceivedAt }).Build();

        Assert.Null(EscalationLadder.FollowUpWindowEnd(_tiers, partner));
        Assert.Null(EscalationLadder.CheckFollowUp(_tiers, partner, 0, partner.ReceivedAt.AddYears(1)));
    }

    [Fact]
    public void The_round_the_clock_ladder_counts_the_grace_in_wall_time()
    {
        var policy = SlaSettings.FromPairs(("LeadSync:Sla:FirstTouch", "00:00:03"), ("LeadSync:Sla:Levels:0:After", "00:00:00"),
            ("LeadSync:Sla:Levels:1:After", "00:00:02"), ("LeadSync:Sla:Levels:1:Recipient", "manager")).GetRequiredService<ISlaPolicy>();
        var clock = new FakeTimeProvider(At("2026-11-28T23:00:00Z"));
        var lead = new LeadBuilder().ReceivedAt(clock.GetUtcNow()).With(l => l with { Status = LeadStatus.Synced }).Build();

        clock.Advance(TimeSpan.FromSeconds(3));
        var first = EscalationLadder.Escalate(policy, lead, clock.GetUtcNow())!;
        var acked = EscalationLadder.Acknowledge(first.Lead, 1, "ana", clock.GetUtcNow(), TimeSpan.FromSeconds(10))!;

        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Null(EscalationLadder.Escalate(policy, acked.Lead, clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull(EscalationLadder.Escalate(policy, acked.Lead, clock.GetUtcNow()));
    }
}
