namespace LeadSync.Web.Admin;

/// <summary>Admin access (<c>LeadSync:Admin</c>).</summary>
public sealed class AdminOptions
{
    public const string Section = "LeadSync:Admin";

    /// <summary>Accepted admin API keys, stored hashed: <c>sha256:&lt;hex of SHA-256(key)&gt;</c>. Sent as <c>X-LeadSync-Admin-Key</c>.</summary>
    public IList<string> ApiKeys { get; } = [];

    /// <summary>
    /// In Azure: trust the App Service Authentication (Entra ID) principal header and require this app role.
    /// Off by default: outside App Service the header could be forged.
    /// </summary>
    public bool TrustAppServiceAuthentication { get; set; }

    public string AdminRole { get; set; } = "LeadSync.Admin";
}
