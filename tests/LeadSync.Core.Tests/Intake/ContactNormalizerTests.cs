using LeadSync.Core.Intake;
using LeadSync.Core.Leads;

namespace LeadSync.Core.Tests.Intake;

public sealed class ContactNormalizerTests
{
    [Theory]
    [InlineData("  Ada.Lovelace@Example.COM ", "ada.lovelace@example.com")]
    [InlineData("ada@localhost", null)]
    [InlineData("Ada <ada@example.com>", null)]
    [InlineData("not an email", null)]
    public void Email_is_trimmed_lower_cased_and_validated(string raw, string? expected)
    {
        Assert.Equal(expected, ContactNormalizer.NormalizeEmail(raw));
    }

    [Theory]
    [InlineData("(650) 555-0123", "US", "+16505550123")]
    [InlineData("020 7946 0018", "GB", "+442079460018")]
    [InlineData("+49 30 901820", null, "+4930901820")]
    [InlineData("650-555-0123", null, "6505550123")]
    [InlineData("12345", "US", null)]
    public void Phone_becomes_e164_when_the_country_is_known(string raw, string? country, string? expected)
    {
        Assert.Equal(expected, ContactNormalizer.NormalizePhone(raw, country));
    }

    [Theory]
    [InlineData("de", "DE")]
    [InlineData("Germany", "DE")]
    [InlineData("DEU", "DE")]
    [InlineData("United States", "US")]
    [InlineData("UK", "GB")]
    [InlineData("Atlantis", null)]
    public void Country_becomes_iso_alpha2(string raw, string? expected)
    {
        Assert.Equal(expected, ContactNormalizer.NormalizeCountry(raw));
    }

    [Fact]
    public void Names_lose_control_characters_and_extra_whitespace()
    {
        var contact = ContactNormalizer.Normalize(new ContactDetails { FirstName = "  Mary\t\tAnn\u0000 ", LastName = "\u200BSmith" }, new Dictionary<string, string[]>());

        Assert.Equal("Mary Ann", contact.FirstName);
        Assert.Equal("Smith", contact.LastName);
    }

    [Theory]
    [InlineData("James Oak", "James", "Oak")]
    [InlineData("Cher", "Cher", null)]
    [InlineData("Mary Ann  van der Berg", "Mary", "Ann van der Berg")]
    public void Full_name_splits_at_the_first_space(string full, string first, string? last)
    {
        Assert.Equal((first, last), ContactNormalizer.SplitFullName(full));
    }

    [Theory]
    [InlineData("Yes", true)]
    [InlineData("checked", true)]
    [InlineData("0", false)]
    [InlineData("maybe", null)]
    public void Consent_answers_become_flags(string raw, bool? expected)
    {
        Assert.Equal(expected, ContactNormalizer.ParseFlag(raw));
    }

    [Fact]
    public void Invalid_email_is_reported_as_a_field_error()
    {
        var errors = new Dictionary<string, string[]>();

        ContactNormalizer.Normalize(new ContactDetails { Email = "nope" }, errors, "data.");

        Assert.Contains("data.email", errors.Keys);
    }
}
