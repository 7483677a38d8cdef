using LeadSync.Core.Intake.LinkedIn;
using LeadSync.Core.Leads;

namespace LeadSync.Core.Tests.Intake;

public sealed class LinkedInLeadMapperTests
{
    private static readonly LinkedInAnswer[] Answers =
    [
        new("1", "EMAIL", "email", " Ada@Example.org "),
        new("2", "FIRST_NAME", "firstName", "Ada"),
        new("3", "COMPANY_NAME", "company", "Engines"),
        new("4", "PHONE_NUMBER", "phone", "+44 20 7946 0018"),
        new("5", "COUNTRY", "country", "United Kingdom"),
        new("6", null, "What is your budget?", "50k"),
    ];

    [Fact]
    public void Predefined_fields_fill_the_contact()
    {
        var draft = LinkedInLeadMapper.ToDraft("k", Answers, null, new MarketingTouch(), isTest: false, new Dictionary<string, string[]>());

        Assert.Equal("ada@example.org", draft.Contact.Email);
        Assert.Equal("Ada", draft.Contact.FirstName);
        Assert.Equal("Engines", draft.Contact.Company);
        Assert.Equal("GB", draft.Contact.Country);
        Assert.Equal("+442079460018", draft.Contact.Phone);
        Assert.Null(draft.Bant?.Budget);
    }

    [Fact]
    public void Per_form_mapping_names_custom_questions_and_wins_over_predefined_fields()
    {
        var form = new LinkedInFormOptions { Fields = { ["6"] = "budget", ["3"] = "ignore" }, Campaign = "Autumn" };

        var draft = LinkedInLeadMapper.ToDraft("k", Answers, form, null, isTest: true, new Dictionary<string, string[]>());

        Assert.Equal("50k", draft.Bant!.Budget);
        Assert.Null(draft.Contact.Company);
        Assert.Equal("Autumn", draft.Campaign);
        Assert.True(draft.IsTest);
    }

    [Theory]
    [InlineData("urn:li:leadGenFormResponse:1a2b3c-4", "1a2b3c-4")]
    [InlineData("urn:li:leadGenFormResponse:../x", null)]
    [InlineData("urn:li:other:1", null)]
    public void Response_id_is_read_from_the_urn_only_when_safe(string urn, string? expected) =>
        Assert.Equal(expected, LinkedInUrns.ResponseId(urn));

    [Fact]
    public void Form_id_is_read_from_the_versioned_form_urn_of_the_sample()
    {
        var json = System.Text.Json.JsonDocument.Parse(VendorFixture.Bytes("linkedin-lead-action-created.json"));

        Assert.Equal("1", LinkedInUrns.FormId(json.RootElement.GetProperty("leadGenForm").GetString()));
    }
}
