using LeadSync.Core.Crm;
using LeadSync.Crm.Tests.Support;
using LeadSync.Infrastructure.Crm;
using LeadSync.Infrastructure.Crm.Salesforce;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadSync.Crm.Tests;

public sealed class CrmProviderRegistrationTests
{
    private static void Start(ServiceProvider sp) => sp.GetService<IStartupValidator>()?.Validate();

    [Fact]
    public void Sandbox_registers_no_gateway_and_validates_no_vendor_settings()
    {
        using var sp = CrmServices.Build(new Dictionary<string, string?> { ["LeadSync:Crm:Provider"] = "sandbox" });

        Assert.Null(sp.GetService<ICrmGateway>());
        Start(sp);
    }

    [Fact]
    public void No_provider_setting_means_sandbox()
    {
        using var sp = CrmServices.Build(new Dictionary<string, string?>());

        Assert.Null(sp.GetService<ICrmGateway>());
    }

    [Fact]
    public void An_unknown_provider_stops_registration_with_the_allowed_values()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => CrmServices.Build(new Dictionary<string, string?> { ["LeadSync:Crm:Provider"] = "pipedrive" }));

        Assert.Contains("sandbox, salesforce, hubspot or dynamics", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("salesforce", "MyDomainUrl")]
    [InlineData("hubspot", "AccessToken")]
    [InlineData("dynamics", "OrganizationUrl")]
    public void Missing_settings_of_the_selected_provider_stop_the_host_with_the_key(string provider, string missing)
    {
        using var sp = CrmServices.Build(new Dictionary<string, string?> { ["LeadSync:Crm:Provider"] = provider });

        var ex = Assert.Throws<OptionsValidationException>(() => Start(sp));

        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_nested_resilience_and_field_settings_are_reported_with_their_keys()
    {
        using var sp = CrmServices.Build(new Dictionary<string, string?>
        {
            ["LeadSync:Crm:Provider"] = "hubspot",
            ["LeadSync:Crm:HubSpot:AccessToken"] = "pat",
            ["LeadSync:Crm:HubSpot:BatchSize"] = "500",
            ["LeadSync:Crm:HubSpot:Fields:Shoesize"] = "shoe_size",
            ["LeadSync:Crm:HubSpot:Resilience:RateLimitPermits"] = "0",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => Start(sp));

        Assert.Contains("BatchSize", ex.Message, StringComparison.Ordinal);
        Assert.Contains("LeadSync:Crm:HubSpot:Fields:Shoesize is not a canonical field", ex.Message, StringComparison.Ordinal);
        Assert.Contains("LeadSync:Crm:HubSpot:Resilience", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_selected_providers_options_are_validated()
    {
        using var sp = CrmServices.Build(new Dictionary<string, string?>
        {
            ["LeadSync:Crm:Provider"] = "hubspot",
            ["LeadSync:Crm:HubSpot:AccessToken"] = "pat",
            ["LeadSync:Crm:Salesforce:BatchSize"] = "9999",
        });

        Start(sp);
        Assert.NotNull(sp.GetRequiredService<ICrmGateway>());
        Assert.Equal("hubspot", sp.GetRequiredService<ICrmGateway>().Name);
    }

    [Fact]
    public void Configured_field_map_entries_override_defaults_and_can_switch_a_field_off()
    {
        using var sp = CrmServices.Build(new Dictionary<string, string?>
        {
            ["LeadSync:Crm:Provider"] = "salesforce",
            ["LeadSync:Crm:Salesforce:MyDomainUrl"] = "https://acme.my.salesforce.com",
            ["LeadSync:Crm:Salesforce:ClientId"] = "id",
            ["LeadSync:Crm:Salesforce:ClientSecret"] = "secret",
            ["LeadSync:Crm:Salesforce:Fields:Phone"] = "",
            ["LeadSync:Crm:Salesforce:Fields:Campaign"] = "Campaign__c",
        });

        var o = sp.GetRequiredService<IOptions<SalesforceOptions>>().Value;
        var mapped = CanonicalField.Map(new LeadBuilder().With(l => l with { Campaign = "black-friday" }).Build(), o.Fields);

        Assert.Equal("black-friday", mapped["Campaign__c"]);
        Assert.DoesNotContain("Phone", mapped.Keys);
        Assert.Equal("Lovelace", mapped["LastName"]);
    }
}
