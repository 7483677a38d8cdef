using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadSync.Core.Leads;
using LeadSync.Core.Sla.Policies;

namespace LeadSync.Core.Tests.Sla.Policies;

/// <summary>Ladder invariants on the hot/warm/cold example settings, for leads of every kind at any time.</summary>
public sealed class CalendarSlaPolicyProperties
{
    private static readonly CalendarSlaPolicy Policy = SlaSettings.Tiers();

    public static Arbitrary<Lead> Leads() =>
        (from minutes in Gen.Choose(0, 2 * 365 * 24 * 60)
         from score in Gen.Choose(-1, 100)
         from source in Gen.Elements("generic", "hubspot", "partner-portal")
         from country in Gen.Elements<string?>(null, "US", "ca", "DE", "AU")
         select new LeadBuilder()
             .ReceivedAt(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(minutes))
             .With(l => l with { Score = score < 0 ? null : score, Source = source, Contact = l.Contact with { Country = country } })
             .Build()).ToArbitrary();

    [Property(Arbitrary = [typeof(CalendarSlaPolicyProperties)], MaxTest = 200)]
    public bool The_deadline_is_never_before_receipt_and_spends_exactly_the_first_touch_time(Lead lead)
    {
        var tier = Policy.TierFor(lead);
        var deadline = Policy.FirstTouchDeadline(lead);
        return deadline >= lead.ReceivedAt && Policy.BusinessTimeBetween(lead, lead.ReceivedAt, deadline) == tier.FirstTouch;
    }

    [Property(Arbitrary = [typeof(CalendarSlaPolicyProperties)], MaxTest = 200)]
    public bool Escalation_levels_fall_due_in_strictly_increasing_order_from_the_deadline(Lead lead)
    {
        var dueTimes = Enumerable.Range(1, Policy.LevelCount(lead)).Select(level => Policy.LevelDueAt(lead, level)).ToList();
        return dueTimes[0] >= Policy.FirstTouchDeadline(lead)
            && dueTimes.Zip(dueTimes.Skip(1)).All(pair => pair.First < pair.Second);
    }
}
