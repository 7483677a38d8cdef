using LeadSync.Core.Admin;
using LeadSync.Core.Crm;
using LeadSync.Core.Notifications;
using LeadSync.Core.Qualification;
using LeadSync.Core.Recycle;
using LeadSync.Core.Sla;
using LeadSync.Core.Tests.Intake;
using LeadSync.Core.Tests.Sla.Policies;

namespace LeadSync.Core.Tests.Crm;

/// <summary>An admin cannot point the CRM connection (and so its credentials) at a host that is not the CRM's.</summary>
public sealed class CrmBaseUrlRuleTests
{
    [Theory]
    [InlineData("salesforce", "https://acme.my.salesforce.com")]
    [InlineData("salesforce", "https://acme--uat.sandbox.my.salesforce.com/")]
    [InlineData("salesforce", "https://login.salesforce.com")]
    [InlineData("hubspot", "https://api.hubapi.com")]
    [InlineData("hubspot", "https://api-eu1.hubapi.com")]
    [InlineData("dynamics", "https://contoso.crm.dynamics.com")]
    [InlineData("dynamics", "https://contoso.crm4.dynamics.com/")]
    public void The_providers_own_https_hosts_are_accepted(string provider, string url) =>
        Assert.Null(CrmBaseUrlRule.Check(provider, url, []));

    [Theory]
    [InlineData("salesforce", "http://acme.my.salesforce.com")]
    [InlineData("salesforce", "https://salesforce.com.evil.example")]
    [InlineData("salesforce", "https://evil.example/acme.my.salesforce.com")]
    [InlineData("salesforce", "https://acme.my.salesforce.com@evil.example")]
    [InlineData("hubspot", "https://api.hubapi.com.evil.example")]
    [InlineData("hubspot", "https://evilhubapi.com")]
    [InlineData("hubspot", "ftp://api.hubapi.com")]
    [InlineData("dynamics", "https://contoso.crm.dynamics.com.evil.example")]
    [InlineData("dynamics", "https://contoso.dynamics.com")]
    [InlineData("hubspot", "https://acme.my.salesforce.com")]
    [InlineData("sandbox", "https://crm.example")]
    [InlineData("hubspot", "not a url")]
    public void Other_hosts_and_plain_http_are_refused(string provider, string url) =>
        Assert.NotNull(CrmBaseUrlRule.Check(provider, url, []));

    [Theory]
    [InlineData("crm-proxy.internal.example", "https://crm-proxy.internal.example/", true)]
    [InlineData("*.sandbox.example", "https://hubspot.sandbox.example", true)]
    [InlineData("*.sandbox.example", "https://sandbox.example", false)]
    [InlineData("*.sandbox.example", "https://evilsandbox.example", false)]
    [InlineData("crm-proxy.internal.example", "http://crm-proxy.internal.example/", false)]
    public void The_allow_list_admits_sandbox_hosts_over_https_only(string pattern, string url, bool allowed) =>
        Assert.Equal(allowed, CrmBaseUrlRule.Check("hubspot", url, [pattern]) is null);

    [Theory]
    [InlineData("crm.example", true)]
    [InlineData("*.sandbox.example", true)]
    [InlineData("localhost", true)]
    [InlineData("https://crm.example", false)]
    [InlineData("crm.example:8443", false)]
    [InlineData("crm.example/path", false)]
    [InlineData("*", false)]
    [InlineData("", false)]
    public void Allow_list_entries_must_be_host_patterns(string pattern, bool valid) =>
        Assert.Equal(valid, CrmBaseUrlRule.IsValidHostPattern(pattern));

    [Fact]
    public void The_admin_api_refuses_a_base_url_outside_the_provider_with_a_field_error()
    {
        // Before: any http(s) URL was accepted, and the CRM token was sent there at the next start.
        var catalog = Catalog("hubspot", []);

        var evil = catalog.Check(AdminResources.Connections, """{"crm":{"baseUrl":"https://evil.example"}}""", null);
        var plain = catalog.Check(AdminResources.Connections, """{"crm":{"baseUrl":"http://api.hubapi.com"}}""", null);
        var own = catalog.Check(AdminResources.Connections, """{"crm":{"baseUrl":"https://api.hubapi.com"}}""", null);

        Assert.Equal(["crm.baseUrl"], evil.Errors.Keys);
        Assert.Contains("hubapi.com", evil.Errors["crm.baseUrl"][0], StringComparison.Ordinal);
        Assert.Equal(["crm.baseUrl"], plain.Errors.Keys);
        Assert.True(own.IsValid);
    }

    [Fact]
    public void An_allow_listed_sandbox_host_is_accepted_by_the_admin_api()
    {
        var catalog = Catalog("hubspot", ["hubspot-sandbox.example"]);

        Assert.True(catalog.Check(AdminResources.Connections, """{"crm":{"baseUrl":"https://hubspot-sandbox.example/"}}""", null).IsValid);
    }

    private static AdminResourceCatalog Catalog(string provider, string[] allowed)
    {
        var crm = new CrmOptions { Provider = provider };
        foreach (var host in allowed)
        {
            crm.AllowedBaseUrlHosts.Add(host);
        }

        return new AdminResourceCatalog(
            new FixedOptionsMonitor<SlaOptions>(new SlaOptions()),
            new FixedOptionsMonitor<QualificationOptions>(new QualificationOptions()),
            new FixedOptionsMonitor<RecycleOptions>(new RecycleOptions()),
            new FixedOptionsMonitor<DirectoryOptions>(new DirectoryOptions()),
            new FixedOptionsMonitor<CrmOptions>(crm),
            SourceCatalog.All);
    }
}
