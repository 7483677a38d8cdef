using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadSync.Core.Leads;
using LeadSync.Core.Sla;
using LeadSync.Core.Sla.Calendars;
using LeadSync.Core.Sla.Policies;

namespace LeadSync.Core.Tests.Sla.Policies;

/// <summary>With no tiered policies configured, CalendarSlaPolicy must answer exactly as RoundTheClockSlaPolicy.</summary>
public sealed class RoundTheClockEquivalenceProperties
{
    private static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Arbitrary<(SlaOptions Options, Lead Lead)> Settings() =>
        (from firstTouchMinutes in Gen.Choose(1, 48 * 60)
         from offsets in Gen.ListOf(Gen.Choose(1, 600)).Select(l => l.ToArray())
         from recipients in Gen.ArrayOf(Gen.Elements("owner", "manager", "team", "Manager"), 8)
         from withCalendar in Gen.Elements(true, false)
         from receivedMinutes in Gen.Choose(0, 365 * 24 * 60)
         from dueShift in Gen.Choose(-1, 5000)
         from score in Gen.Choose(-1, 100)
         select Build(firstTouchMinutes, offsets, recipients, withCalendar, receivedMinutes, dueShift, score)).ToArbitrary();

    private static (SlaOptions, Lead) Build(int firstTouch, int[] offsets, string[] recipients, bool withCalendar, int received, int dueShift, int score)
    {
        var options = new SlaOptions { FirstTouch = TimeSpan.FromMinutes(firstTouch) };
        var after = TimeSpan.Zero;
        foreach (var (offset, i) in offsets.Take(8).Select((o, i) => (o, i)))
        {
            options.Levels.Add(new EscalationLevelOptions { After = after, Recipient = recipients[i] });
            after += TimeSpan.FromMinutes(offset);
        }

        if (withCalendar)
        {
            // A calendar that no policy uses must not change anything.
            options.Calendars["office"] = new BusinessCalendarOptions { TimeZone = "Europe/Berlin" };
            options.Calendars["office"].Hours["Monday"] = "09:00-17:00";
        }

        var receivedAt = Origin.AddMinutes(received);
        var lead = new LeadBuilder().ReceivedAt(receivedAt).With(l => l with
        {
            Score = score < 0 ? null : score,
            SlaDueAt = dueShift < 0 ? null : receivedAt.AddMinutes(dueShift),
        }).Build();
        return (options, lead);
    }

    [Property(Arbitrary = [typeof(RoundTheClockEquivalenceProperties)], MaxTest = 200)]
    public bool Without_policies_the_calendar_policy_answers_like_the_round_the_clock_policy((SlaOptions Options, Lead Lead) input)
    {
        var monitor = new FixedOptionsMonitor<SlaOptions>(input.Options);
        ISlaPolicy expected = new RoundTheClockSlaPolicy(monitor);
        ISlaPolicy actual = new CalendarSlaPolicy(monitor);
        var lead = input.Lead;
        var probe = lead.ReceivedAt.AddHours(30);

        return expected.FirstTouchDeadline(lead) == actual.FirstTouchDeadline(lead)
            && expected.LevelCount(lead) == actual.LevelCount(lead)
            && Enumerable.Range(1, expected.LevelCount(lead)).All(level =>
                expected.LevelDueAt(lead, level) == actual.LevelDueAt(lead, level)
                && expected.Recipient(lead, level) == actual.Recipient(lead, level)
                && expected.Action(lead, level) == actual.Action(lead, level))
            && expected.PolicyName(lead) == actual.PolicyName(lead)
            && expected.FollowUp(lead) == actual.FollowUp(lead)
            && expected.BusinessTimeBetween(lead, lead.ReceivedAt, probe) == actual.BusinessTimeBetween(lead, lead.ReceivedAt, probe)
            && expected.AddBusinessTime(lead, probe, TimeSpan.FromMinutes(7)) == actual.AddBusinessTime(lead, probe, TimeSpan.FromMinutes(7));
    }

    [Fact]
    public void The_existing_settings_keep_working_when_no_policies_are_configured()
    {
        using var services = SlaSettings.FromPairs(
            ("LeadSync:Sla:FirstTouch", "00:20:00"),
            ("LeadSync:Sla:Levels:0:After", "00:00:00"),
            ("LeadSync:Sla:Levels:0:Recipient", "owner"),
            ("LeadSync:Sla:Levels:1:After", "00:45:00"),
            ("LeadSync:Sla:Levels:1:Recipient", "team"));
        var policy = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ISlaPolicy>(services);
        var lead = new LeadBuilder().ReceivedAt(new DateTimeOffset(2026, 11, 28, 23, 50, 0, TimeSpan.Zero)).Build();

        Assert.Equal(new DateTimeOffset(2026, 11, 29, 0, 10, 0, TimeSpan.Zero), policy.FirstTouchDeadline(lead));
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 0, 55, 0, TimeSpan.Zero), policy.LevelDueAt(lead, 2));
        Assert.Equal("team", policy.Recipient(lead, 2));
        Assert.Equal(SlaTier.DefaultName, policy.PolicyName(lead));
        Assert.Same(AlwaysOpenCalendar.Instance, ((CalendarSlaPolicy)policy).TierFor(lead).Calendar);
    }
}
