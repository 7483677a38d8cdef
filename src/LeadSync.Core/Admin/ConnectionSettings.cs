namespace LeadSync.Core.Admin;

/// <summary>The <see cref="AdminResources.Connections"/> document: webhook sources and the CRM connection.</summary>
public sealed class ConnectionSettings
{
    public IDictionary<string, SourceConnection> Sources { get; } = new Dictionary<string, SourceConnection>(StringComparer.OrdinalIgnoreCase);

    public CrmConnection Crm { get; } = new();

    /// <summary>
    /// The secret <paramref name="source"/> runs with, given the one its settings hold: none while an admin turned the
    /// source off (a source without a secret is off), the admin-stored secret when one is set, otherwise the settings'.
    /// </summary>
    public string? EffectiveSecret(string source, string? configured)
    {
        if (!Sources.TryGetValue(source, out var connection) || connection is null)
        {
            return configured;
        }

        if (!connection.Enabled)
        {
            return null;
        }

        return string.IsNullOrEmpty(connection.Secret) ? configured : connection.Secret;
    }

    /// <summary>Fills secrets left null from <paramref name="stored"/>, so a client that never saw them keeps them.</summary>
    public void KeepSecretsFrom(ConnectionSettings? stored)
    {
        foreach (var (name, source) in Sources)
        {
            if (source.Secret is null && stored is not null && stored.Sources.TryGetValue(name, out var old))
            {
                source.Secret = old.Secret;
            }

            source.SecretSet = false;
        }

        Crm.ClientSecret ??= stored?.Crm.ClientSecret;
        Crm.ClientSecretSet = false;
    }

    /// <summary>Removes every secret, leaving only whether one is set.</summary>
    public void Redact()
    {
        foreach (var source in Sources.Values)
        {
            source.SecretSet = !string.IsNullOrEmpty(source.Secret);
            source.Secret = null;
        }

        Crm.ClientSecretSet = !string.IsNullOrEmpty(Crm.ClientSecret);
        Crm.ClientSecret = null;
    }
}
