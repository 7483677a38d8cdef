namespace LeadSync.Core.Routing;

/// <summary>The lead's e-mail domain, and whether it is a consumer provider's (<see cref="FreeMailDomains"/>) that never identifies an account.</summary>
public static class EmailDomains
{
    /// <summary>The lower-case domain of the lead's e-mail, or null.</summary>
    public static string? Of(Lead lead)
    {
        var email = lead.Contact.Email?.Trim();
        var at = email?.LastIndexOf('@') ?? -1;
        return at > 0 && at < email!.Length - 1 ? email[(at + 1)..].ToLowerInvariant() : null;
    }

    public static bool IsFreeMail(string domain, IEnumerable<string> extra) =>
        FreeMailDomains.IsFreeMailDomain(domain) || extra.Any(d => d.Trim().Equals(domain, StringComparison.OrdinalIgnoreCase));

    public static bool IsDomain(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length is > 2 and < 254 && trimmed.Contains('.', StringComparison.Ordinal)
            && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
    }
}
