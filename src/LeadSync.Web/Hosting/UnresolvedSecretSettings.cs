namespace LeadSync.Web.Hosting;

/// <summary>
/// Settings whose value is a Key Vault reference the platform could not resolve — the literal
/// <c>@Microsoft.KeyVault(...)</c> is left in place when the secret is missing or the identity's role is not granted
/// yet. Such a value is never a secret: at start every one is unset (so a source is off and refused as not configured,
/// a CRM credential, notification URL, admin key hash or ack secret is missing), and <c>GET /api/health</c> names the
/// settings (never their values).
/// </summary>
public sealed class UnresolvedSecretSettings(IReadOnlyList<string> keys)
{
    public const string ReferencePrefix = "@Microsoft.KeyVault(";

    /// <summary>The settings' names (<c>LeadSync:Sources:typeform:Secret</c>), sorted.</summary>
    public IReadOnlyList<string> Keys { get; } = keys;

    public static bool IsReference(string? value) =>
        value is not null && value.AsSpan().TrimStart().StartsWith(ReferencePrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Finds every unresolved reference in <paramref name="configuration"/> and overrides each with an empty value.</summary>
    public static UnresolvedSecretSettings Unset(IConfigurationManager configuration)
    {
        var keys = configuration.AsEnumerable()
            .Where(setting => IsReference(setting.Value))
            .Select(setting => setting.Key)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (keys.Count > 0)
        {
            configuration.AddInMemoryCollection(keys.Select(key => new KeyValuePair<string, string?>(key, string.Empty)));
        }

        return new UnresolvedSecretSettings(keys);
    }
}
