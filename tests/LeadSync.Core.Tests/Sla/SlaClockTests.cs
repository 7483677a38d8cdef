using LeadSync.Core.Leads;
using LeadSync.Core.Sla;
using LeadSync.Core.Tests.Sla.Policies;
using Microsoft.Extensions.Time.Testing;
using static LeadSync.Core.Tests.Sla.Calendars.TestCalendars;

namespace LeadSync.Core.Tests.Sla;

public sealed class SlaClockTests
{
    private readonly FakeTimeProvider _time = new(At("2026-11-27T17:45:00+01:00"));
    private readonly SlaClock _clock;

    public SlaClockTests() => _clock = new SlaClock(SlaSettings.Tiers(), _time);

    private static Lead HotLead() =>
        new LeadBuilder().ReceivedAt(At("2026-11-27T17:45:00+01:00")).With(l => l with { Score = 90 }).Build();

    [Fact]
    public void An_untouched_lead_waits_only_in_business_time_over_the_weekend()
    {
        _time.Advance(TimeSpan.FromDays(2.6)); // Monday 08:09 local: still before opening

        Assert.Equal(TimeSpan.Zero, _clock.BusinessTimeToFirstTouch(HotLead()));
        Assert.Equal(TimeSpan.FromMinutes(5), _clock.BusinessTimeLeft(HotLead()));
        Assert.False(_clock.IsBreached(HotLead()));
    }

    [Fact]
    public void An_untouched_lead_is_breached_once_its_business_deadline_passes()
    {
        _time.SetUtcNow(At("2026-11-30T09:07:00+01:00"));

        Assert.Equal(TimeSpan.FromMinutes(7), _clock.BusinessTimeToFirstTouch(HotLead()));
        Assert.Equal(TimeSpan.FromMinutes(-2), _clock.BusinessTimeLeft(HotLead()));
        Assert.True(_clock.IsBreached(HotLead()));
    }

    [Fact]
    public void A_touched_lead_keeps_its_business_time_to_first_touch_as_the_clock_moves_on()
    {
        var touched = HotLead() with { FirstTouchAt = At("2026-11-30T09:03:00+01:00") };
        _time.SetUtcNow(At("2026-12-10T12:00:00Z"));

        Assert.Equal(TimeSpan.FromMinutes(3), _clock.BusinessTimeToFirstTouch(touched));
        Assert.False(_clock.IsBreached(touched));
    }
}
