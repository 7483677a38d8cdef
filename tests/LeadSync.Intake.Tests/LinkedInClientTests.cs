using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Enrichment;
using LeadSync.Core.Intake.LinkedIn;
using LeadSync.Core.Leads;
using LeadSync.Infrastructure.Intake;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Intake.Tests;

public sealed class LinkedInClientTests(FakeVendorApi api) : IClassFixture<FakeVendorApi>
{
    private ServiceProvider Services(string? token = "li-member-token")
    {
        var settings = new Dictionary<string, string?>
        {
            ["LeadSync:Sources:linkedin:ClientSecret"] = "li-secret",
            ["LeadSync:Sources:linkedin:AccessToken"] = token,
            ["LeadSync:Sources:linkedin:ApiVersion"] = "202606",
            ["LeadSync:Sources:linkedin:BaseUrl"] = api.BaseAddress.ToString(),
            ["LeadSync:Sources:linkedin:Forms:1:Fields:106"] = "timeline",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddWebhookSources(configuration).BuildServiceProvider();
    }

    private static ILeadEnricher Enricher(ServiceProvider services) => services.GetServices<ILeadEnricher>().Single(e => e.Source == "linkedin");

    private static Lead Received(string responseId) => new()
    {
        Id = LeadIdFactory.FromDelivery("linkedin", LinkedInWebhookSource.CreatedKey("urn:li:leadGenFormResponse:" + responseId)),
        Source = "linkedin",
        DeliveryKey = LinkedInWebhookSource.CreatedKey("urn:li:leadGenFormResponse:" + responseId),
        ReceivedAt = DateTimeOffset.UnixEpoch,
        Contact = new ContactDetails(),
        EnrichmentKey = "urn:li:leadGenFormResponse:" + responseId,
        Touch = new MarketingTouch { FormId = "urn:li:versionedLeadGenForm:(urn:li:leadGenForm:1, 1)" },
    };

    [Fact]
    public async Task Form_response_and_form_are_read_with_the_versioned_headers_and_mapped()
    {
        api.Responses["response:1a2b3c-4"] = "linkedin-lead-form-response.json";
        api.Responses["form:1"] = "linkedin-lead-form.json";
        await using var services = Services();

        var result = await Enricher(services).EnrichAsync(Received("1a2b3c-4"), CancellationToken.None);

        Assert.Equal(EnrichmentStatus.Completed, result.Status);
        var draft = result.Draft!;
        Assert.Equal("ada.lovelace@example.org", draft.Contact.Email);
        Assert.Equal("Ada", draft.Contact.FirstName);
        Assert.Equal("Lovelace", draft.Contact.LastName);
        Assert.Equal("Analytical Engines Ltd", draft.Contact.Company);
        Assert.Equal("CTO", draft.Contact.Title);
        Assert.Equal("Q3 this year", draft.Bant!.Timeline);
        Assert.Equal("Autumn demo request", draft.Touch!.FormName);
        var response = api.Requests.Last(r => r.Path == "/rest/leadFormResponses/1a2b3c-4");
        var form = api.Requests.Last(r => r.Path == "/rest/leadForms/1");
        foreach (var request in new[] { response, form })
        {
            Assert.Equal("Bearer li-member-token", request.Authorization);
            Assert.Equal("202606", request.LinkedInVersion);
            Assert.Equal("2.0.0", request.RestliProtocol);
        }
    }

    [Fact]
    public async Task Form_definition_is_read_once_for_two_leads_of_one_form()
    {
        api.Responses["response:cache-1"] = "linkedin-lead-form-response.json";
        api.Responses["response:cache-2"] = "linkedin-lead-form-response.json";
        api.Responses["form:1"] = "linkedin-lead-form.json";
        await using var services = Services();
        var before = api.Requests.Count(r => r.Path == "/rest/leadForms/1");

        await Enricher(services).EnrichAsync(Received("cache-1"), CancellationToken.None);
        await Enricher(services).EnrichAsync(Received("cache-2"), CancellationToken.None);

        Assert.Equal(before + 1, api.Requests.Count(r => r.Path == "/rest/leadForms/1"));
    }

    [Fact]
    public async Task Unavailable_api_is_transient_and_rejected_token_is_blocked()
    {
        api.Responses["response:down-1"] = "503";
        api.Responses["response:denied-1"] = "401";
        await using var services = Services();

        var down = await Enricher(services).EnrichAsync(Received("down-1"), CancellationToken.None);
        var denied = await Enricher(services).EnrichAsync(Received("denied-1"), CancellationToken.None);

        Assert.Equal(EnrichmentStatus.Transient, down.Status);
        Assert.False(down.NeedsOperator);
        Assert.Equal(EnrichmentStatus.Transient, denied.Status);
        Assert.True(denied.NeedsOperator);
    }

    [Fact]
    public async Task Without_an_access_token_the_lead_is_blocked_with_the_setting_named_and_nothing_is_called()
    {
        await using var services = Services(token: null);
        var before = api.Requests.Count;

        var result = await Enricher(services).EnrichAsync(Received("no-token"), CancellationToken.None);

        Assert.True(result.NeedsOperator);
        Assert.Contains("LeadSync:Sources:linkedin:AccessToken", result.Detail, StringComparison.Ordinal);
        Assert.Equal(before, api.Requests.Count);
    }
}
