namespace LeadSync.Core.Crm.Pause;

/// <summary>
/// A pause reason fit to show anywhere (health, console, logs): at most 300 characters, with anything that looks like a
/// credential (a bearer token, a long opaque string) masked. CRM error texts rarely echo secrets, but health is public.
/// </summary>
public static partial class CrmPauseReason
{
    private const int MaxLength = 300;

    public static string Clean(string reason)
    {
        var masked = Bearer().Replace(reason, "Bearer ***");
        masked = Opaque().Replace(masked, "***");
        return masked.Length > MaxLength ? masked[..MaxLength] + "…" : masked;
    }

    [GeneratedRegex(@"Bearer\s+\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex Bearer();

    /// <summary>24+ characters of token alphabet with at least one digit: tokens, keys, secrets (not words or error codes).</summary>
    [GeneratedRegex(@"(?=[A-Za-z0-9._~+/=!-]*\d)[A-Za-z0-9._~+/=!-]{24,}", RegexOptions.CultureInvariant, 200)]
    private static partial Regex Opaque();
}
