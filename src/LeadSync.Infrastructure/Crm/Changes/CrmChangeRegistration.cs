using LeadSync.Infrastructure.Crm.HubSpot;

namespace LeadSync.Infrastructure.Crm.Changes;

/// <summary>
/// Registers native CRM change intake: the options, the change log, the use case and the change source of the
/// configured CRM provider (the sandbox has none: it is heard through the signed generic callback).
/// </summary>
public static class CrmChangeRegistration
{
    public static IServiceCollection AddCrmChangeSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CrmChangeOptions>().Bind(configuration.GetSection(CrmChangeOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CrmChangeOptions>, CrmChangeOptionsValidator>();
        services.TryAddSingleton<ICrmChangeLog, TableCrmChangeLog>();
        services.TryAddSingleton<HubSpotSignature>();
        services.AddTransient<CrmChangeIntake>();
        services.AddOptions<CrmTouchOptions>().Bind(configuration.GetSection(CrmTouchOptions.Section)).ValidateOnStart();
        services.AddTransient<CrmTouchRecorder>();
        switch (CrmProviders.Configured(configuration))
        {
            case CrmProviders.HubSpot:
                services.AddTransient<ICrmChangeSource, HubSpotChangeSource>();
                break;
            case CrmProviders.Salesforce:
                services.AddTransient<ICrmChangeSource, SalesforceOutboundMessageSource>();
                break;
            case CrmProviders.Dynamics:
                services.AddTransient<ICrmChangeSource, DynamicsWebhookSource>();
                break;
        }

        return services.AddCrmTouchWriters(configuration);
    }

    /// <summary>The configured CRM's <see cref="ICrmTouchWriter"/> and its client (after <c>AddCrmProviders</c>, whose auth handlers it uses).</summary>
    public static IServiceCollection AddCrmTouchWriters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SalesforceTouchOptions>().Bind(configuration.GetSection(SalesforceTouchOptions.Section)).ValidateOnStart();
        switch (CrmProviders.Configured(configuration))
        {
            case CrmProviders.HubSpot:
                services.AddOptions<HubSpotTouchOptions>().Bind(configuration.GetSection(HubSpotTouchOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
                services.AddRefitGeneratedClient<IHubSpotNotesApi>()
                    .ConfigureHttpClient((sp, client) => Configure(client, Opt<HubSpotOptions>(sp).BaseUrl))
                    .AddHttpMessageHandler<HubSpotAuthHandler>();
                services.AddTransient<ICrmTouchWriter, HubSpotTouchWriter>();
                break;
            case CrmProviders.Salesforce:
                services.AddRefitGeneratedClient<ISalesforceTouchApi>()
                    .ConfigureHttpClient((sp, client) => Configure(client, Opt<SalesforceOptions>(sp) is var o ? o.InstanceUrl ?? o.MyDomainUrl : null))
                    .AddHttpMessageHandler<SalesforceAuthHandler>()
                    .AddHttpMessageHandler<SalesforceLimitInfoHandler>();
                services.AddTransient<ICrmTouchWriter, SalesforceTouchWriter>();
                break;
            case CrmProviders.Dynamics:
                services.AddRefitGeneratedClient<IDynamicsTouchApi>()
                    .ConfigureHttpClient((sp, client) => Configure(client, Opt<DynamicsOptions>(sp).OrganizationUrl))
                    .AddHttpMessageHandler<DynamicsAuthHandler>();
                services.AddTransient<ICrmTouchWriter, DynamicsTouchWriter>();
                break;
        }

        return services;
    }

    /// <summary>Touch writes go one record per call, retried by the sync queue (not inline): a 30 s cap per call.</summary>
    private static void Configure(HttpClient client, Uri? baseAddress)
    {
        client.BaseAddress = baseAddress;
        client.Timeout = TimeSpan.FromSeconds(30);
    }

    private static T Opt<T>(IServiceProvider sp)
        where T : class => sp.GetRequiredService<IOptions<T>>().Value;
}
