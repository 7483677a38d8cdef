using LeadSync.Core.People;
using static LeadSync.Core.Tests.Sla.Calendars.TestCalendars;

namespace LeadSync.Core.Tests.People;

public sealed class AvailabilityTests
{
    private static readonly DateTimeOffset MondayNoonBerlin = new(2026, 11, 23, 11, 0, 0, TimeSpan.Zero);

    private static Person Dana(Func<Person, Person>? change = null)
    {
        var person = new Person { Id = "dana@acme.com", Name = "Dana", Calendar = Weekdays("Europe/Berlin", "09:00-17:00", "2026-12-24") };
        return change is null ? person : change(person);
    }

    [Fact]
    public void A_rep_in_working_hours_with_room_is_available()
    {
        Assert.Null(Availability.Absence(Dana(), MondayNoonBerlin));
        Assert.Null(Availability.Capacity(Dana(p => p with { MaxOpenLeads = 3, MaxNewLeadsPerDay = 5 }), new RepLoad(2, 4)));
    }

    [Fact]
    public void Off_hours_say_when_the_rep_is_back()
    {
        var evening = new DateTimeOffset(2026, 11, 23, 18, 30, 0, TimeSpan.Zero);

        var why = Availability.Absence(Dana(), evening);

        Assert.Equal("Dana is off-hours until 2026-11-24 08:00 UTC", why);
    }

    [Fact]
    public void A_holiday_on_the_reps_calendar_is_off_hours()
    {
        Assert.StartsWith("Dana is off-hours", Availability.Absence(Dana(), new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.Zero)), StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_office_is_half_open_and_carries_its_note()
    {
        var away = new OutOfOfficePeriod(MondayNoonBerlin.AddHours(-1), MondayNoonBerlin.AddHours(2), "vacation");
        var dana = Dana(p => p with { OutOfOffice = [away] });

        Assert.Equal("Dana is out of office until 2026-11-23 13:00 UTC (vacation)", Availability.Absence(dana, MondayNoonBerlin));
        Assert.Null(Availability.Absence(dana, away.To));
    }

    [Fact]
    public void An_inactive_rep_is_absent_at_any_time()
    {
        Assert.Equal("Dana is inactive", Availability.Absence(Dana(p => p with { Active = false }), MondayNoonBerlin));
    }

    [Theory]
    [InlineData(3, 0, "Dana is at capacity (3 of 3 open leads)")]
    [InlineData(0, 5, "Dana is at capacity (5 of 5 new leads today)")]
    public void A_full_load_is_at_capacity(int open, int today, string expected)
    {
        Assert.Equal(expected, Availability.Capacity(Dana(p => p with { MaxOpenLeads = 3, MaxNewLeadsPerDay = 5 }), new RepLoad(open, today)));
    }
}
