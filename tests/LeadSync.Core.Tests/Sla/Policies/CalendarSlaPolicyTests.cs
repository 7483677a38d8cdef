using LeadSync.Core.Leads;
using LeadSync.Core.Sla;
using static LeadSync.Core.Tests.Sla.Calendars.TestCalendars;

namespace LeadSync.Core.Tests.Sla.Policies;

/// <summary>Examples on the hot/warm/cold settings in sla-tiers.json (the same example README.md#example-hot--warm--cold shows).</summary>
public sealed class CalendarSlaPolicyTests
{
    private readonly ISlaPolicy _policy = SlaSettings.Tiers();

    private static Lead Lead(string receivedAt, int? score = null, string source = "generic", string? country = null) =>
        new LeadBuilder()
            .ReceivedAt(At(receivedAt))
            .With(l => l with { Score = score, Source = source, Contact = l.Contact with { Country = country } })
            .Build();

    [Fact]
    public void A_hot_lead_on_Friday_evening_is_due_five_business_minutes_into_Monday()
    {
        var lead = Lead("2026-11-27T17:45:00+01:00", score: 92);

        Assert.Equal("hot", _policy.PolicyName(lead));
        Assert.Equal(At("2026-11-30T09:05:00+01:00"), _policy.FirstTouchDeadline(lead));
    }

    [Fact]
    public void Escalation_offsets_of_a_hot_lead_run_on_its_calendar_and_carry_their_actions()
    {
        var lead = Lead("2026-11-27T17:00:00+01:00", score: 92) with { SlaDueAt = At("2026-11-27T17:25:00+01:00") };

        Assert.Equal(3, _policy.LevelCount(lead));
        Assert.Equal(At("2026-11-27T17:25:00+01:00"), _policy.LevelDueAt(lead, 1));
        Assert.Equal(At("2026-11-30T09:05:00+01:00"), _policy.LevelDueAt(lead, 2));
        Assert.Equal(At("2026-11-30T09:55:00+01:00"), _policy.LevelDueAt(lead, 3));
        Assert.Equal(("manager", EscalationActions.Reassign), (_policy.Recipient(lead, 2), _policy.Action(lead, 2)));
        Assert.Equal(EscalationActions.MarkBreached, _policy.Action(lead, 3));
    }

    [Fact]
    public void A_warm_lead_from_the_US_runs_on_the_New_York_calendar()
    {
        var lead = Lead("2026-11-25T16:30:00-05:00", score: 60, country: "us");

        Assert.Equal("warm-americas", _policy.PolicyName(lead));
        // Thanksgiving (26 Nov) is a holiday of that calendar: 30 min on Wednesday, 30 min on Friday.
        Assert.Equal(At("2026-11-27T09:30:00-05:00"), _policy.FirstTouchDeadline(lead));
    }

    [Fact]
    public void A_warm_lead_from_elsewhere_runs_on_the_Berlin_calendar_with_its_cadence()
    {
        var lead = Lead("2026-11-23T11:30:00+01:00", score: 79, country: "DE");

        Assert.Equal("warm", _policy.PolicyName(lead));
        Assert.Equal(At("2026-11-23T13:30:00+01:00"), _policy.FirstTouchDeadline(lead));
        Assert.Equal(new FollowUpCadence(4, TimeSpan.FromHours(37.5)), _policy.FollowUp(lead));
    }

    [Fact]
    public void Rules_are_tried_in_order_so_a_high_scoring_partner_lead_is_hot()
    {
        Assert.Equal("hot", _policy.PolicyName(Lead("2026-11-23T10:00:00Z", score: 85, source: "partner-portal")));
        Assert.Equal("partner", _policy.PolicyName(Lead("2026-11-23T10:00:00Z", score: 20, source: "PARTNER-PORTAL")));
    }

    [Fact]
    public void A_partner_lead_without_a_calendar_counts_round_the_clock_with_the_default_ladder()
    {
        var lead = Lead("2026-11-28T22:00:00Z", source: "partner-portal");

        Assert.Equal(At("2026-11-29T02:00:00Z"), _policy.FirstTouchDeadline(lead));
        Assert.Equal(3, _policy.LevelCount(lead));
        Assert.Equal(At("2026-11-29T02:30:00Z"), _policy.LevelDueAt(lead, 2));
        Assert.Equal(EscalationActions.Notify, _policy.Action(lead, 2));
        Assert.Null(_policy.FollowUp(lead));
    }

    [Fact]
    public void A_lead_without_a_score_falls_through_to_the_catch_all_cold_tier()
    {
        var lead = Lead("2026-12-23T15:00:00+01:00");

        Assert.Equal("cold", _policy.PolicyName(lead));
        // 2.5 h on Wednesday, then 24–26 Dec are holidays and 27 Dec a Sunday: the rest on Monday 28 Dec.
        Assert.Equal(At("2026-12-28T15:00:00+01:00"), _policy.FirstTouchDeadline(lead));
    }

    [Fact]
    public void Business_time_to_first_touch_is_measured_on_the_lead_calendar()
    {
        var lead = Lead("2026-11-27T17:45:00+01:00", score: 92);

        var worked = _policy.BusinessTimeBetween(lead, lead.ReceivedAt, At("2026-11-30T09:12:00+01:00"));

        Assert.Equal(TimeSpan.FromMinutes(12), worked);
    }

    [Fact]
    public void The_follow_up_window_ends_after_ten_business_days_on_the_calendar()
    {
        var lead = Lead("2026-11-23T10:00:00+01:00", score: 92);
        var cadence = _policy.FollowUp(lead)!;

        var windowEnd = _policy.AddBusinessTime(lead, At("2026-11-23T09:00:00+01:00"), cadence.Window);

        Assert.Equal(6, cadence.Attempts);
        Assert.Equal(At("2026-12-04T17:30:00+01:00"), windowEnd);
    }
}
