using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Enrichment;
using LeadSync.Core.Leads;
using LeadSync.Infrastructure.Intake;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Intake.Tests;

public sealed class VendorClientTests(FakeVendorApi api) : IClassFixture<FakeVendorApi>
{
    private ServiceProvider Services(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["LeadSync:Sources:hubspot:ClientSecret"] = "hs-secret",
            ["LeadSync:Sources:hubspot:AccessToken"] = "pat-na1-test",
            ["LeadSync:Sources:hubspot:ApiBaseAddress"] = api.BaseAddress.ToString(),
            ["LeadSync:Sources:meta:AppSecret"] = "meta-secret",
            ["LeadSync:Sources:meta:AccessToken"] = "page-token",
            ["LeadSync:Sources:meta:VerifyToken"] = "verify-me",
            ["LeadSync:Sources:meta:GraphApiVersion"] = "v23.0",
            ["LeadSync:Sources:meta:GraphApiBaseAddress"] = api.BaseAddress.ToString(),
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddWebhookSources(configuration).BuildServiceProvider();
    }

    private static ILeadEnricher Enricher(ServiceProvider services, string source) =>
        services.GetServices<ILeadEnricher>().Single(e => e.Source == source);

    private static Lead Received(string source, string key) => new()
    {
        Id = LeadIdFactory.FromDelivery(source, key),
        Source = source,
        DeliveryKey = key,
        ReceivedAt = DateTimeOffset.UnixEpoch,
        Contact = new ContactDetails(),
        EnrichmentKey = key,
    };

    [Fact]
    public async Task HubSpot_contact_is_read_with_the_bearer_token_and_property_list()
    {
        api.Responses["1246978"] = "hubspot-crm-contact.json";
        await using var services = Services();

        var result = await Enricher(services, "hubspot").EnrichAsync(Received("hubspot", "1246978"), CancellationToken.None);

        Assert.Equal(EnrichmentStatus.Completed, result.Status);
        var draft = ContactNormalizer.Normalize(result.Draft!, new Dictionary<string, string[]>());
        Assert.Equal("bcooper@biglytics.net", draft.Contact.Email);
        Assert.Equal("Bryan", draft.Contact.FirstName);
        Assert.Equal("+18779290687", draft.Contact.Phone);
        Assert.Equal(55, draft.Score);
        var request = api.Requests.Last(r => r.Path.EndsWith("/1246978", StringComparison.Ordinal));
        Assert.Equal("Bearer pat-na1-test", request.Authorization);
        Assert.Contains("properties=email%2Cfirstname", request.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HubSpot_missing_contact_is_permanent_and_rejected_token_is_transient()
    {
        api.Responses["404404"] = "404";
        api.Responses["403403"] = "403";
        await using var services = Services();
        var enricher = Enricher(services, "hubspot");

        Assert.Equal(EnrichmentStatus.Permanent, (await enricher.EnrichAsync(Received("hubspot", "404404"), CancellationToken.None)).Status);
        Assert.Equal(EnrichmentStatus.Transient, (await enricher.EnrichAsync(Received("hubspot", "403403"), CancellationToken.None)).Status);
    }

    [Fact]
    public async Task HubSpot_unreachable_is_transient()
    {
        await using var services = Services(new() { ["LeadSync:Sources:hubspot:ApiBaseAddress"] = "http://127.0.0.1:9/" });

        var result = await Enricher(services, "hubspot").EnrichAsync(Received("hubspot", "1"), CancellationToken.None);

        Assert.Equal(EnrichmentStatus.Transient, result.Status);
    }

    [Fact]
    public async Task Meta_lead_is_read_from_the_versioned_graph_path_with_the_access_token()
    {
        api.Responses["555971704561545"] = "meta-lead-retrieval-response.json";
        await using var services = Services();

        var result = await Enricher(services, "meta").EnrichAsync(Received("meta", "555971704561545"), CancellationToken.None);

        Assert.Equal(EnrichmentStatus.Completed, result.Status);
        Assert.Equal("james.oak@example.org", result.Draft!.Contact.Email);
        Assert.Equal("James", result.Draft.Contact.FirstName);
        var request = api.Requests.Last(r => r.Path.EndsWith("/555971704561545", StringComparison.Ordinal));
        Assert.Equal("/v23.0/555971704561545", request.Path);
        Assert.Contains("access_token=page-token", request.Query, StringComparison.Ordinal);
        var proof = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("meta-secret"u8, "page-token"u8));
        Assert.Contains("appsecret_proof=" + proof, request.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_source_is_registered_and_off_until_its_secret_is_set()
    {
        await using var services = Services();

        var sources = services.GetServices<IWebhookSource>().ToDictionary(s => s.Name, s => s.IsEnabled);

        Assert.Equal(
            ["generic", "google-ads", "hubspot", "linkedin", "mailchimp", "marketo", "meta", "pardot", "typeform", "unbounce"],
            sources.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["hubspot", "meta"], sources.Where(s => s.Value).Select(s => s.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Typeform_field_mapping_binds_from_settings()
    {
        await using var services = Services(new()
        {
            ["LeadSync:Sources:typeform:Secret"] = "tf",
            ["LeadSync:Sources:typeform:Forms:lT4Z3j:Fields:readable_ref_short_text"] = "firstName",
        });

        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LeadSync.Core.Intake.Typeform.TypeformSourceOptions>>().Value;

        Assert.Equal("firstName", options.Forms["lT4Z3j"].Fields["readable_ref_short_text"]);
    }

    [Fact]
    public async Task Misspelled_field_mapping_stops_start_up_with_a_clear_message()
    {
        await using var services = Services(new() { ["LeadSync:Sources:typeform:Forms:f1:Fields:q1"] = "frstName" });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate());

        Assert.Contains("LeadSync:Sources:typeform:Forms:f1:Fields:q1 = 'frstName' is not a lead field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meta_without_a_verify_token_stops_start_up()
    {
        await using var services = Services(new() { ["LeadSync:Sources:meta:VerifyToken"] = null });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate());

        Assert.Contains("VerifyToken is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_twice_keeps_one_instance_of_each_source()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging().AddWebhookSources(configuration).AddWebhookSources(configuration);
        await using var provider = services.BuildServiceProvider();

        Assert.Equal(10, provider.GetServices<IWebhookSource>().Select(s => s.Name).Distinct().Count());
        Assert.Equal(10, provider.GetServices<IWebhookSource>().Count());
    }
}
