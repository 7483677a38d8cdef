using LeadSync.Core.Leads;

namespace LeadSync.Core.Routing;

/// <summary>The lead's e-mail domain and the free-mail domains that never identify an account.</summary>
public static class EmailDomains
{
    /// <summary>Consumer mail providers: a lead from one of these says nothing about its company.</summary>
    public static IReadOnlySet<string> FreeMail { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "ymail.com", "hotmail.com",
        "hotmail.co.uk", "hotmail.fr", "hotmail.de", "outlook.com", "outlook.de", "live.com", "live.co.uk", "msn.com",
        "aol.com", "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.de",
        "gmx.net", "web.de", "t-online.de", "mail.com", "yandex.com", "yandex.ru", "mail.ru", "zoho.com", "fastmail.com",
        "hey.com", "tutanota.com", "qq.com", "163.com", "126.com", "orange.fr", "free.fr", "laposte.net", "libero.it",
        "comcast.net", "verizon.net", "att.net", "btinternet.com", "sky.com",
    };

    /// <summary>The lower-case domain of the lead's e-mail, or null.</summary>
    public static string? Of(Lead lead)
    {
        var email = lead.Contact.Email?.Trim();
        var at = email?.LastIndexOf('@') ?? -1;
        return at > 0 && at < email!.Length - 1 ? email[(at + 1)..].ToLowerInvariant() : null;
    }

    public static bool IsFreeMail(string domain, IEnumerable<string> extra) =>
        FreeMail.Contains(domain) || extra.Any(d => d.Trim().Equals(domain, StringComparison.OrdinalIgnoreCase));

    public static bool IsDomain(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length is > 2 and < 254 && trimmed.Contains('.', StringComparison.Ordinal)
            && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
    }
}
