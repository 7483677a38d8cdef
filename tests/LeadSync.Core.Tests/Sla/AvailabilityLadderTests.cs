using LeadSync.Core.Leads;
using LeadSync.Core.Sla;
using LeadSync.Core.Tests.Sla.Policies;
using static LeadSync.Core.Tests.Sla.Calendars.TestCalendars;

namespace LeadSync.Core.Tests.Sla;

/// <summary>The ladder follows availability: an absent owner's rung is passed at once, with the reason on the timeline.</summary>
public sealed class AvailabilityLadderTests
{
    private readonly ISlaPolicy _tiers = SlaSettings.Tiers();

    // Hot tier: deadline 10:05 Berlin; owner (notify) at +0, manager (reassign) at +10 min, team (mark-breached) at +60 min.
    private static Lead HotLead() =>
        new LeadBuilder().ReceivedAt(At("2026-11-23T10:00:00+01:00"))
            .With(l => l with { Score = 92, Status = LeadStatus.Synced, SlaDueAt = At("2026-11-23T10:05:00+01:00"), Owner = "005A" })
            .Build();

    [Fact]
    public void An_out_of_office_owner_is_passed_and_the_manager_rung_fires_at_once()
    {
        var now = At("2026-11-23T10:06:00+01:00");

        var change = EscalationLadder.Escalate(_tiers, HotLead(), now, owner => owner == "005A" ? "Dana is out of office until 2026-11-30 00:00 UTC (vacation)" : null)!;

        Assert.Equal(2, change.Lead.EscalationLevel);
        var notice = Assert.Single(change.Notices);
        Assert.Equal((2, "manager", EscalationActions.Reassign), (notice.Level, notice.Recipient, notice.Action));
        Assert.Equal([LeadEvents.RungSkipped, LeadEvents.Escalated], change.Entries.Select(e => e.Event));
        Assert.Equal("Level 1 (owner) passed at once: Dana is out of office until 2026-11-30 00:00 UTC (vacation); level 2 (manager) instead.", change.Entries[0].Detail);
    }

    [Fact]
    public void An_owner_at_work_gets_the_first_rung_as_before()
    {
        var now = At("2026-11-23T10:06:00+01:00");

        var change = EscalationLadder.Escalate(_tiers, HotLead(), now, _ => null)!;

        Assert.Equal(1, change.Lead.EscalationLevel);
        Assert.Equal("owner", change.Notices[0].Recipient);
        Assert.Equal([LeadEvents.Escalated], change.Entries.Select(e => e.Event));
    }

    [Fact]
    public void Availability_is_not_asked_before_a_rung_is_due()
    {
        var asked = 0;

        Assert.Null(EscalationLadder.Escalate(_tiers, HotLead(), At("2026-11-23T10:04:00+01:00"), _ =>
        {
            asked++;
            return "away";
        }));
        Assert.Equal(0, asked);
    }

    [Fact]
    public void The_last_rung_is_never_passed()
    {
        var lead = HotLead() with { EscalationLevel = 2 };

        var change = EscalationLadder.Escalate(_tiers, lead, At("2026-11-23T11:10:00+01:00"), _ => "away")!;

        Assert.Equal(3, change.Lead.EscalationLevel);
        Assert.Equal("team", change.Notices[0].Recipient);
    }
}
