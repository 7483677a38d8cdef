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

    [Theory]
    [InlineData("""{"email":"dup@example.com","leadId":"1","email":"real@example.com"}""")]
    [InlineData("""{"data":{"email":"a@example.com","email":"b@example.com"}}""")]
    [InlineData("""{"a":1,"a":1}""")]
    public void A_member_named_twice_makes_the_body_unreadable(string body)
    {
        Assert.Null(JsonPayload.TryParse(System.Text.Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void The_same_name_in_different_objects_is_fine()
    {
        using var document = JsonPayload.TryParse("""{"a":{"email":"x@example.com"},"b":{"email":"y@example.com"}}"""u8.ToArray());

        Assert.NotNull(document);
    }

    [Fact]
    public void Form_field_names_over_the_limit_make_the_body_unreadable()
    {
        var longest = new string('k', FormPayload.MaxKeyLength);

        Assert.NotNull(FormPayload.TryParse(System.Text.Encoding.UTF8.GetBytes(longest + "=v")));
        Assert.Null(FormPayload.TryParse(System.Text.Encoding.UTF8.GetBytes(longest + "k=v")));
        Assert.Null(FormPayload.TryParse(System.Text.Encoding.UTF8.GetBytes("email=a%40b.co&" + new string('%', 1) + "41" + new string('k', FormPayload.MaxKeyLength) + "=v")));
    }
}
