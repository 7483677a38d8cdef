namespace LeadSync.Infrastructure.Crm.Directory;

/// <summary>The bare host of a website field as CRMs store it (<c>https://www.acme.com/</c>, <c>acme.com</c>, <c>www.acme.com</c>).</summary>
internal static class WebsiteDomain
{
    public static string? Of(string? website)
    {
        if (string.IsNullOrWhiteSpace(website))
        {
            return null;
        }

        var value = website.Trim();
        if (!value.Contains("://", StringComparison.Ordinal))
        {
            value = "https://" + value;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    public static bool Matches(string? website, string domain) =>
        Of(website) is { } host && host.Equals(domain, StringComparison.OrdinalIgnoreCase);
}
