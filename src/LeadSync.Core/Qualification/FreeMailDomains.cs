using System.Collections.Frozen;

namespace LeadSync.Core.Qualification;

/// <summary>
/// Consumer e-mail providers: an address there says nothing about the buyer's company. Used by the qualification rule
/// <see cref="QualificationOptions.ExcludeFreeMail"/> and by routing's account match.
/// </summary>
public static class FreeMailDomains
{
    private static readonly FrozenSet<string> Domains = new[]
    {
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "yahoo.es", "yahoo.it",
        "yahoo.co.jp", "yahoo.com.br", "ymail.com", "rocketmail.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr",
        "hotmail.de", "hotmail.it", "hotmail.es", "outlook.com", "outlook.fr", "outlook.de", "live.com", "live.co.uk",
        "live.fr", "live.de", "msn.com", "aol.com", "aim.com", "icloud.com", "me.com", "mac.com", "gmx.com", "gmx.de",
        "gmx.net", "gmx.at", "gmx.ch", "web.de", "t-online.de", "freenet.de", "mail.com", "mail.ru", "inbox.ru",
        "list.ru", "bk.ru", "yandex.com", "yandex.ru", "ya.ru", "proton.me", "protonmail.com", "pm.me", "tutanota.com",
        "tuta.io", "zoho.com", "zohomail.com", "qq.com", "163.com", "126.com", "sina.com", "naver.com", "daum.net",
        "hanmail.net", "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr", "libero.it", "virgilio.it",
        "seznam.cz", "wp.pl", "o2.pl", "interia.pl", "rediffmail.com", "fastmail.com", "hey.com", "comcast.net",
        "verizon.net", "att.net", "sbcglobal.net", "btinternet.com", "sky.com", "bigpond.com", "shaw.ca", "rogers.com",
        "uol.com.br", "bol.com.br", "terra.com.br",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="email"/>'s domain is a consumer e-mail provider.</summary>
    public static bool IsFreeMail(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        return at >= 0 && IsFreeMailDomain(email![(at + 1)..]);
    }

    /// <summary>True when <paramref name="domain"/> is a consumer e-mail provider's.</summary>
    public static bool IsFreeMailDomain(string domain) => Domains.Contains(domain.Trim().TrimEnd('.'));
}
