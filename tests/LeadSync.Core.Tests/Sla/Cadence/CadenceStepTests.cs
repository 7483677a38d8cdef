using LeadSync.Core.Crm;
using LeadSync.Core.Leads;
using LeadSync.Core.Notifications;
using LeadSync.Core.Sla;
using LeadSync.Core.Sla.Cadence;
using LeadSync.Core.Sla.Calendars;
using LeadSync.Core.Sla.Policies;
using LeadSync.Core.Tests.Sla.Policies;
using Microsoft.Extensions.Time.Testing;

namespace LeadSync.Core.Tests.Sla.Cadence;

/// <summary>The sweep's cadence decision on a tiered policy, walked through on a fake clock.</summary>
public sealed class CadenceStepTests
{
    // Monday 9 March 2026 10:00 EDT (the first Monday after the spring DST change).
    private static readonly DateTimeOffset Handoff = new(2026, 3, 9, 14, 0, 0, TimeSpan.Zero);

    private static CalendarSlaPolicy Policy(bool withLadder = true)
    {
        var options = new SlaOptions();
        var calendar = new BusinessCalendarOptions { TimeZone = "America/New_York" };
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" })
        {
            calendar.Hours[day] = "09:00-17:00";
        }

        calendar.Holidays.Add("2026-03-10");
        options.Calendars["ny"] = calendar;
        var policy = new SlaPolicyOptions { Name = "hot", Calendar = "ny" };
        policy.Cadence.Add(new CadenceCheckpointOptions { Attempts = 1, By = TimeSpan.FromHours(1) });
        policy.Cadence.Add(new CadenceCheckpointOptions { Attempts = 3, By = TimeSpan.FromHours(16) });
        policy.Cadence.Add(new CadenceCheckpointOptions { Attempts = 6, By = TimeSpan.FromHours(80) });
        if (withLadder)
        {
            policy.Levels.Add(new EscalationLevelOptions { After = TimeSpan.Zero, Recipient = "owner" });
            policy.Levels.Add(new EscalationLevelOptions { After = TimeSpan.FromHours(1), Recipient = "manager" });
        }

        options.Policies.Add(policy);
        return new CalendarSlaPolicy(new FixedOptionsMonitor<SlaOptions>(options));
    }

    private static Lead Synced() => new LeadBuilder()
        .ReceivedAt(Handoff.AddMinutes(-2))
        .WithStatus(LeadStatus.Synced)
        .With(l => l with { SyncedAt = Handoff })
        .Build();

    private static AttemptLog Crm(Lead lead, DateTimeOffset now, params DateTimeOffset[] at) =>
        CadenceAttemptSources.For(lead, new CrmAttempts(lead.Id, at), now);

    [Fact]
    public void Missed_checkpoints_escalate_up_the_ladder_once_each_and_met_ones_do_not()
    {
        var policy = Policy();
        var clock = new FakeTimeProvider(Handoff);
        var lead = Synced();

        // Checkpoint 1 due Monday 11:00 EDT (15:00Z): nobody called.
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 15, 0, 0, TimeSpan.Zero));
        var first = CadenceStep.Decide(policy, lead, Crm(lead, clock.GetUtcNow()), clock.GetUtcNow());
        var notice = Assert.Single(first.Change!.Notices);
        Assert.Equal((EscalationNotice.CadenceLevelBase, "owner", true), (notice.Level, notice.Recipient, notice.IsFollowUp));
        Assert.Equal("X", first.Change.Lead.CadenceOutcomes);
        Assert.Contains(first.Change.Entries, e => e.Event == LeadEvents.CadenceCheckpointMissed);

        // Checkpoint 2: 1 h Monday + 6 h Monday… 16 h = Mon 7 h, Tue holiday, Wed 8 h, Thu 1 h → Thursday 10:00 EDT.
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 14, 0, 0, TimeSpan.Zero), first.NextDueAt);

        // The same check again (a second sweep on the written version): nothing new.
        lead = first.Change.Lead;
        Assert.Null(CadenceStep.Decide(policy, lead, Crm(lead, clock.GetUtcNow()), clock.GetUtcNow()).Change);

        // Three calls by Thursday 10:00: met, and each call goes on the timeline once.
        clock.SetUtcNow(first.NextDueAt!.Value);
        DateTimeOffset[] calls = [Handoff.AddHours(2), Handoff.AddHours(3), new DateTimeOffset(2026, 3, 11, 14, 0, 0, TimeSpan.Zero)];
        var second = CadenceStep.Decide(policy, lead, Crm(lead, clock.GetUtcNow(), calls), clock.GetUtcNow());
        Assert.Empty(second.Change!.Notices);
        Assert.Equal("XM", second.Change.Lead.CadenceOutcomes);
        Assert.Equal(3, second.Change.Entries.Count(e => e.Event == LeadEvents.CadenceAttempt));
        Assert.Single(second.Change.Entries, e => e.Event == LeadEvents.CadenceCheckpointMet);
        Assert.Equal(3, second.Change.Lead.ContactAttempts);
        lead = second.Change.Lead;

        // Checkpoint 3 with 4 of 6: the second miss goes to level 2's recipient.
        clock.SetUtcNow(second.NextDueAt!.Value);
        var third = CadenceStep.Decide(policy, lead, Crm(lead, clock.GetUtcNow(), [.. calls, clock.GetUtcNow().AddHours(-30)]), clock.GetUtcNow());
        var missed = Assert.Single(third.Change!.Notices);
        Assert.Equal((EscalationNotice.CadenceLevelBase + 2, "manager"), (missed.Level, missed.Recipient));
        Assert.Single(third.Change.Entries, e => e.Event == LeadEvents.CadenceAttempt);
        Assert.Equal("XMX", third.Change.Lead.CadenceOutcomes);
        Assert.Null(third.NextDueAt);
        Assert.Null(CadenceStep.NextDue(policy, third.Change.Lead));
    }

    [Fact]
    public void Without_a_ladder_a_missed_checkpoint_goes_to_the_owner()
    {
        var policy = Policy(withLadder: false);
        var lead = Synced();
        var now = new DateTimeOffset(2026, 3, 9, 15, 0, 0, TimeSpan.Zero);

        // The tier's own ladder is empty, so the default ladder applies; with the defaults it still has an owner rung.
        var notice = Assert.Single(CadenceStep.Decide(policy, lead, AttemptLog.Empty, now).Change!.Notices);

        Assert.Equal("owner", notice.Recipient);
    }

    [Fact]
    public void When_the_crm_could_not_be_read_a_checkpoint_is_not_called_missed_but_a_native_attempt_still_meets_it()
    {
        var policy = Policy();
        var due = new DateTimeOffset(2026, 3, 9, 15, 0, 0, TimeSpan.Zero);
        var lead = Synced();

        var unchecked_ = CadenceStep.Decide(policy, lead, AttemptLog.Empty, due, crmChecked: false);
        Assert.Null(unchecked_.Change);
        Assert.Equal(due, unchecked_.NextDueAt);

        var native = lead with { NativeAttempts = NativeAttempts.Add(null, Handoff.AddMinutes(20)) };
        var met = CadenceStep.Decide(policy, native, CadenceAttemptSources.For(native, null, due), due, crmChecked: false);
        Assert.Equal("M", met.Change!.Lead.CadenceOutcomes);
    }

    [Fact]
    public void Attempts_from_an_earlier_cycle_do_not_count()
    {
        var policy = Policy();
        var lead = Synced();
        var due = new DateTimeOffset(2026, 3, 9, 15, 0, 0, TimeSpan.Zero);

        var decision = CadenceStep.Decide(policy, lead, Crm(lead, due, lead.ReceivedAt.AddDays(-20)), due);

        Assert.Equal("X", decision.Change!.Lead.CadenceOutcomes);
    }

    [Fact]
    public void A_count_without_times_is_placed_where_it_was_first_seen_and_written_to_the_timeline_once()
    {
        var lead = Synced();
        var now = Handoff.AddHours(5);

        var first = CadenceAttemptSources.For(lead, new CrmAttempts(lead.Id, [], Untimed: 2), now);
        Assert.Equal([now, now], first.Crm);

        var seen = lead with { ContactAttempts = 2, LastAttemptAt = now };
        var later = CadenceAttemptSources.For(seen, new CrmAttempts(lead.Id, [], Untimed: 3), now.AddHours(1));
        Assert.Equal([now, now, now.AddHours(1)], later.Crm);
        Assert.Single(later.After(seen.LastAttemptAt));
    }

    [Fact]
    public void Native_attempt_reports_within_a_minute_are_one_attempt()
    {
        var at = Handoff.AddMinutes(10);
        var once = NativeAttempts.Add(null, at);

        Assert.Null(NativeAttempts.Add(once, at.AddSeconds(30)));
        Assert.Equal(2, NativeAttempts.Parse(NativeAttempts.Add(once, at.AddMinutes(5))).Count);
    }

    [Fact]
    public void A_lead_no_longer_in_sales_hands_has_no_cadence_check()
    {
        var lead = Synced() with { Status = LeadStatus.Converted };

        Assert.Equal(new CadenceDecision(null, null), CadenceStep.Decide(Policy(), lead, AttemptLog.Empty, Handoff.AddDays(30)));
        Assert.Null(CadenceStep.NextDue(Policy(), lead));
    }
}
