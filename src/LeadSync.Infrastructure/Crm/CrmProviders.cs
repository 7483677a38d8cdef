namespace LeadSync.Infrastructure.Crm;

/// <summary>
/// The one list of CRM providers LeadSync ships: the names <c>LeadSync:Crm:Provider</c> accepts (and each gateway
/// reports as its <c>Name</c>), each with the registration of its client, handlers and gateway. The sandbox registers
/// nothing here: its gateway is always registered, because admin tools use it whatever the provider.
/// </summary>
public static class CrmProviders
{
    public const string Sandbox = "sandbox";
    public const string Salesforce = "salesforce";
    public const string HubSpot = "hubspot";
    public const string Dynamics = "dynamics";

    private static readonly (string Name, Action<IServiceCollection, IConfiguration>? Register)[] All =
    [
        (Sandbox, null),
        (Salesforce, CrmProviderRegistration.AddSalesforce),
        (HubSpot, CrmProviderRegistration.AddHubSpot),
        (Dynamics, CrmProviderRegistration.AddDynamics),
    ];

    /// <summary>Every provider name, in the order the settings documentation lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(p => p.Name)];

    /// <summary>Whether <paramref name="name"/> names a provider (case-insensitive, as the setting is read).</summary>
    public static bool IsKnown(string? name) => Names.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="name"/> names a provider other than the sandbox, i.e. a real vendor's CRM.</summary>
    public static bool IsVendor(string? name) => IsKnown(name) && !string.Equals(name, Sandbox, StringComparison.OrdinalIgnoreCase);

    /// <summary>The registration of the provider named <paramref name="name"/>; null for the sandbox or an unknown name.</summary>
    internal static Action<IServiceCollection, IConfiguration>? RegistrationOf(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Register;

    /// <summary>The configured provider as the registrations read it (trimmed, lower case; the sandbox when unset).</summary>
    internal static string Configured(IConfiguration configuration) =>
        (configuration["LeadSync:Crm:Provider"] ?? Sandbox).Trim().ToLowerInvariant();
}
