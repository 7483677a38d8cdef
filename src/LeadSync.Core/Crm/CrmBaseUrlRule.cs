namespace LeadSync.Core.Crm;

/// <summary>
/// Where an admin may point the CRM connection (<c>crm.baseUrl</c>): the CRM's token or client secret is sent there at
/// the next start, so it must be https and the provider's own host — Salesforce <c>*.salesforce.com</c> (My Domain,
/// sandboxes), HubSpot <c>api.hubapi.com</c> (and regional <c>api-eu1.hubapi.com</c>), Dynamics 365 / Dataverse
/// <c>{org}.crm{n}.dynamics.com</c> — or a host on <see cref="CrmOptions.AllowedBaseUrlHosts"/> (a sandbox or a proxy
/// the operator vouches for). The built-in sandbox CRM has no base URL: only allow-listed hosts.
/// </summary>
public static partial class CrmBaseUrlRule
{
    /// <summary>Null when <paramref name="url"/> may be used for <paramref name="provider"/>; otherwise why not.</summary>
    public static string? Check(string provider, string url, IEnumerable<string> allowedHosts)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return "crm.baseUrl must be an absolute https URL.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "crm.baseUrl must not carry user information.";
        }

        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        if (allowedHosts.Any(pattern => HostMatches(pattern, host)) || VendorHost(provider).IsMatch(host))
        {
            return null;
        }

        return $"crm.baseUrl must be a {provider} host ({VendorHostDescription(provider)}) or one listed in {CrmOptions.Section}:AllowedBaseUrlHosts.";
    }

    /// <summary>True for a host name or a <c>*.suffix</c> pattern (letters, digits, '-' and dots; no scheme, port or path).</summary>
    public static bool IsValidHostPattern(string? pattern) =>
        pattern is { Length: > 0 and <= 253 } && HostPattern().IsMatch(pattern);

    private static bool HostMatches(string pattern, string host)
    {
        var normalized = pattern.Trim().TrimEnd('.').ToLowerInvariant();
        return normalized.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(normalized[1..], StringComparison.Ordinal) && host.Length > normalized.Length - 1
            : host == normalized;
    }

    private static Regex VendorHost(string provider) => provider.ToLowerInvariant() switch
    {
        "salesforce" => SalesforceHost(),
        "hubspot" => HubSpotHost(),
        "dynamics" => DynamicsHost(),
        _ => NoHost(),
    };

    private static string VendorHostDescription(string provider) => provider.ToLowerInvariant() switch
    {
        "salesforce" => "*.salesforce.com",
        "hubspot" => "api.hubapi.com",
        "dynamics" => "*.crm*.dynamics.com",
        _ => "the sandbox CRM has none",
    };

    [GeneratedRegex(@"^([a-z0-9-]+\.)+salesforce\.com$", RegexOptions.CultureInvariant)]
    private static partial Regex SalesforceHost();

    [GeneratedRegex(@"^api(-[a-z0-9]+)?\.hubapi\.com$", RegexOptions.CultureInvariant)]
    private static partial Regex HubSpotHost();

    [GeneratedRegex(@"^[a-z0-9-]+\.crm[0-9]*\.dynamics\.com$", RegexOptions.CultureInvariant)]
    private static partial Regex DynamicsHost();

    [GeneratedRegex(@"^(?!)$", RegexOptions.CultureInvariant)]
    private static partial Regex NoHost();

    [GeneratedRegex(@"^(\*\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();
}
