namespace LeadSync.Infrastructure.Crm;

/// <summary>
/// Stops the host with a clear message when the configured CRM provider is not one LeadSync has, or an entry of
/// <c>LeadSync:Crm:AllowedBaseUrlHosts</c> is not a host pattern.
/// </summary>
public sealed class CrmProviderValidator : IValidateOptions<CrmOptions>
{
    public ValidateOptionsResult Validate(string? name, CrmOptions options)
    {
        if (!CrmProviders.IsKnown(options.Provider))
        {
            return ValidateOptionsResult.Fail($"LeadSync:Crm:Provider '{options.Provider}' is not supported; use one of {string.Join(", ", CrmProviders.Names)}.");
        }

        var bad = options.AllowedBaseUrlHosts.Where(h => !CrmBaseUrlRule.IsValidHostPattern(h)).ToList();
        return bad.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"LeadSync:Crm:AllowedBaseUrlHosts holds {bad.Count} entr{(bad.Count == 1 ? "y" : "ies")} that {(bad.Count == 1 ? "is" : "are")} not a host name or *.suffix pattern (no scheme, port or path).");
    }
}
