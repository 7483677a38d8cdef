using LeadSync.Core.Intake.Inbox;
using Microsoft.Extensions.Time.Testing;

namespace LeadSync.Core.Tests.Intake.Inbox;

public sealed class IntakePressureTests
{
    [Fact]
    public void Intake_is_busy_while_a_request_is_in_progress_and_for_the_quiet_period_after_the_last_one()
    {
        var time = new FakeTimeProvider();
        var pressure = new IntakePressure(time);
        Assert.False(pressure.Busy);

        pressure.Begin();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(pressure.Busy);

        pressure.End();
        time.Advance(IntakePressure.QuietPeriod - TimeSpan.FromMilliseconds(1));
        Assert.True(pressure.Busy);

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(pressure.Busy);
    }
}
