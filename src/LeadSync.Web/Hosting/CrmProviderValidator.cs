using LeadSync.Core.Crm;
using Microsoft.Extensions.Options;

namespace LeadSync.Web.Hosting;

/// <summary>Stops the host with a clear message when the configured CRM provider is not one LeadSync has.</summary>
public sealed class CrmProviderValidator : IValidateOptions<CrmOptions>
{
    public static IReadOnlyList<string> Providers { get; } = ["sandbox", "salesforce", "hubspot", "dynamics"];

    public ValidateOptionsResult Validate(string? name, CrmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Providers.Contains(options.Provider, StringComparer.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"LeadSync:Crm:Provider '{options.Provider}' is not supported; use one of {string.Join(", ", Providers)}.");
    }
}
