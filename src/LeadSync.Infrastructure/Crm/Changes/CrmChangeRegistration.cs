using LeadSync.Core.Crm.Changes;
using LeadSync.Core.Intake.HubSpot;
using LeadSync.Infrastructure.Crm.Dynamics;
using LeadSync.Infrastructure.Crm.HubSpot;
using LeadSync.Infrastructure.Crm.Salesforce;
using LeadSync.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LeadSync.Infrastructure.Crm.Changes;

/// <summary>
/// Registers native CRM change intake: the options, the change log, the use case and the change source of the
/// configured CRM provider (the sandbox has none: it is heard through the signed generic callback).
/// </summary>
public static class CrmChangeRegistration
{
    public static IServiceCollection AddCrmChangeSources(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CrmChangeOptions>().BindConfiguration(CrmChangeOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CrmChangeOptions>, CrmChangeOptionsValidator>();
        services.TryAddSingleton<ICrmChangeLog, TableCrmChangeLog>();
        services.TryAddSingleton<HubSpotSignature>();
        services.AddTransient<CrmChangeIntake>();
        switch ((configuration["LeadSync:Crm:Provider"] ?? "sandbox").Trim().ToLowerInvariant())
        {
            case "hubspot":
                services.AddTransient<ICrmChangeSource, HubSpotChangeSource>();
                break;
            case "salesforce":
                services.AddTransient<ICrmChangeSource, SalesforceOutboundMessageSource>();
                break;
            case "dynamics":
                services.AddTransient<ICrmChangeSource, DynamicsWebhookSource>();
                break;
        }

        return services;
    }
}
