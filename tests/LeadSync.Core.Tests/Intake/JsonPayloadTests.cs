using LeadSync.Core.Intake.Payloads;

namespace LeadSync.Core.Tests.Intake;

public sealed class JsonPayloadTests
{
    [Theory]
    [InlineData("2015-11-12T15:27:06+0000")]
    [InlineData("2015-11-12T15:27:06Z")]
    [InlineData("2015-11-12 15:27:06")]
    [InlineData("1447342026")]
    [InlineData("1447342026000")]
    public void Vendor_timestamps_parse_as_utc(string text)
    {
        Assert.Equal(new DateTimeOffset(2015, 11, 12, 15, 27, 6, TimeSpan.Zero), JsonPayload.Timestamp(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("99999999999999999999")]
    public void Unreadable_timestamps_are_null(string text)
    {
        Assert.Null(JsonPayload.Timestamp(text));
    }
}
