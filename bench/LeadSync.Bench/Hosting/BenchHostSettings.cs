using LeadSync.Testing.Crm;

namespace LeadSync.Bench.Hosting;

/// <summary>Settings every benchmark gives the portable host (as environment variables, like eng/run).</summary>
public static class BenchHostSettings
{
    /// <summary>
    /// The host's storage is the benchmark's own Azurite (so the benchmark can measure it from the same client), and
    /// logging is at Warning: per-lead Information lines on the console would measure the console, not LeadSync.
    /// </summary>
    public static Dictionary<string, string> For(string storageConnectionString) => new()
    {
        ["LeadSync__Storage__ConnectionString"] = storageConnectionString,
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
    };

    /// <summary>The HubSpot provider pointed at a simulator (token <c>pat-test</c>, as HubSpotSimulator expects).</summary>
    public static Dictionary<string, string> WithHubSpot(this Dictionary<string, string> settings, Uri hubSpotBaseUrl, int permitsPer10Seconds)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["LeadSync__Crm__Provider"] = "hubspot";
        settings["LeadSync__Crm__HubSpot__BaseUrl"] = hubSpotBaseUrl.ToString();
        settings["LeadSync__Crm__HubSpot__AccessToken"] = "pat-test";
        settings["LeadSync__Crm__HubSpot__Resilience__RateLimitPermits"] = permitsPer10Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["LeadSync__Crm__HubSpot__Resilience__RateLimitWindow"] = "00:00:10";
        return settings;
    }

    /// <summary>
    /// The Salesforce provider pointed at a simulator (its My Domain URL and connected-app credentials, as
    /// SalesforceSimulator expects); the client limiter keeps its default (25 calls per second).
    /// </summary>
    public static Dictionary<string, string> WithSalesforce(this Dictionary<string, string> settings, Uri myDomainUrl)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(myDomainUrl);
        settings["LeadSync__Crm__Provider"] = "salesforce";
        settings["LeadSync__Crm__Salesforce__MyDomainUrl"] = myDomainUrl.ToString();
        settings["LeadSync__Crm__Salesforce__ClientId"] = SalesforceSimulator.ClientId;
        settings["LeadSync__Crm__Salesforce__ClientSecret"] = SalesforceSimulator.ClientSecret;
        return settings;
    }
}
