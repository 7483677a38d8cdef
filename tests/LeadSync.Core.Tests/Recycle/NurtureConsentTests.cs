using System.Text;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Generic;
using LeadSync.Core.Intake.HubSpot;
using LeadSync.Core.Intake.Signatures;
using LeadSync.Core.Leads;
using LeadSync.Core.Recycle;
using LeadSync.Core.Tests.Intake;
using Microsoft.Extensions.Time.Testing;

namespace LeadSync.Core.Tests.Recycle;

/// <summary>Marketing consent is read from the sources that carry it and honoured before any nurture push.</summary>
public sealed class NurtureConsentTests
{
    private static Lead Lead(ConsentFlags? consent, string? email = "ada@example.com") => new()
    {
        Id = LeadIdFactory.FromDelivery("generic", "m"),
        Source = "generic",
        DeliveryKey = "m",
        ReceivedAt = DateTimeOffset.UnixEpoch,
        Contact = new ContactDetails { Email = email },
        Consent = consent,
    };

    [Fact]
    public void A_lead_that_declined_marketing_is_refused_and_one_that_agreed_or_was_not_asked_is_pushed()
    {
        Assert.Contains("did not consent", RecycleJob.NurtureRefusal(Lead(new ConsentFlags { Marketing = false })), StringComparison.Ordinal);
        Assert.Null(RecycleJob.NurtureRefusal(Lead(new ConsentFlags { Marketing = true })));
        Assert.Null(RecycleJob.NurtureRefusal(Lead(new ConsentFlags { Terms = true })));
        Assert.Null(RecycleJob.NurtureRefusal(Lead(null)));
    }

    [Fact]
    public void An_erased_lead_is_never_pushed() =>
        Assert.Contains("erased", RecycleJob.NurtureRefusal(Lead(null, email: null)), StringComparison.Ordinal);

    [Theory]
    [InlineData("\"consent\":false", false, null)]
    [InlineData("\"consent\":\"yes\"", true, null)]
    [InlineData("\"marketingConsent\":0", false, null)]
    [InlineData("\"consent\":{\"marketing\":false,\"terms\":true}", false, true)]
    public void The_generic_source_reads_consent(string field, bool? marketing, bool? terms)
    {
        var source = new GenericWebhookSource(SourceOptions.Of(new GenericSourceOptions { Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }),
            new StandardWebhookVerifier(new FakeTimeProvider(DateTimeOffset.UtcNow)));
        var result = source.Parse(new InboundWebhook
        {
            Source = "generic",
            Method = "POST",
            RequestUri = new Uri("http://localhost/api/webhooks/generic"),
            ContentType = "application/json",
            Body = Encoding.UTF8.GetBytes("""{"type":"lead.created","data":{"email":"a@example.com",""" + field + "}}"),
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["webhook-id"] = "msg_c" },
        });

        var draft = Assert.Single(result.Drafts);
        Assert.Equal(new ConsentFlags { Marketing = marketing, Terms = terms }, draft.Consent);
    }

    [Theory]
    [InlineData("true", false)]
    [InlineData("false", true)]
    public void HubSpot_email_opt_out_is_the_inverse_of_marketing_consent(string optOut, bool marketing)
    {
        var draft = HubSpotContactMapper.ToDraft("k", [new("email", "a@example.com"), new(HubSpotContactMapper.EmailOptOutProperty, optOut)], null, new Dictionary<string, string[]>());

        Assert.Equal(marketing, draft.Consent!.Marketing);
    }

    [Theory]
    [InlineData("consent")]
    [InlineData("accepts_marketing")]
    [InlineData("email_opt_in")]
    public void Form_fields_named_for_consent_map_to_marketing_consent(string name)
    {
        Assert.True(LeadSync.Core.Intake.Fields.LeadFieldNames.TryParse(name, out var field));
        Assert.Equal(LeadSync.Core.Intake.Fields.LeadField.ConsentMarketing, field);
    }
}
