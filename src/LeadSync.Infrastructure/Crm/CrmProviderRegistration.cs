using LeadSync.Infrastructure.Crm.HubSpot;

namespace LeadSync.Infrastructure.Crm;

/// <summary>Registers the CRM adapter that <c>LeadSync:Crm:Provider</c> selects, with its client, handlers and resilience.</summary>
public static class CrmProviderRegistration
{
    /// <summary>Connections are recycled so a long-lived client still follows DNS changes (the gateway may be captured by singletons).</summary>
    private static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// For <c>salesforce</c>, <c>hubspot</c> or <c>dynamics</c>: binds and validates (on start) that provider's options and
    /// registers its Refit clients, auth handler, resilience pipeline and <see cref="ICrmGateway"/>. For <c>sandbox</c>
    /// (the default) nothing is registered: the sandbox gateway is registered by the app. Other values throw.
    /// </summary>
    public static IServiceCollection AddCrmProviders(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = CrmProviders.Configured(configuration);
        if (!CrmProviders.IsKnown(provider))
        {
            throw new InvalidOperationException(
                $"{CrmOptions.Section}:{nameof(CrmOptions.Provider)} is '{provider}'; expected {string.Join(", ", CrmProviders.Names.SkipLast(1))} or {CrmProviders.Names[^1]}.");
        }

        if (CrmProviders.RegistrationOf(provider) is not { } register)
        {
            return services;
        }

        register(services, configuration);
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    internal static void AddSalesforce(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SalesforceOptions>().Bind(configuration.GetSection(SalesforceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SalesforceOptions>, CrmProviderOptionsValidator<SalesforceOptions>>();
        services.AddSingleton<SalesforceApiUsage>();
        services.AddSingleton<SalesforceTokenCache>();
        services.AddTransient<SalesforceAuthHandler>();
        services.AddTransient<SalesforceLimitInfoHandler>();
        AddLimiter<SalesforceOptions>(services, CrmProvider.Salesforce, o => o.Resilience);

        services.AddRefitGeneratedClient<ISalesforceTokenApi>()
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = Opt<SalesforceOptions>(sp).MyDomainUrl;
                client.Timeout = TimeSpan.FromSeconds(30);
            })
            .ConfigurePrimaryHttpMessageHandler(PrimaryHandler);

        services.AddRefitGeneratedClient<ISalesforceApi>()
            .ConfigureHttpClient((sp, client) => Configure(client, Opt<SalesforceOptions>(sp) is var o ? o.InstanceUrl ?? o.MyDomainUrl : null))
            .ConfigurePrimaryHttpMessageHandler(PrimaryHandler)
            .AddCrmResilience(CrmProvider.Salesforce, sp => Opt<SalesforceOptions>(sp).Resilience)
            .AddHttpMessageHandler<SalesforceAuthHandler>()
            .AddHttpMessageHandler<SalesforceLimitInfoHandler>();

        services.AddTransient<ICrmGateway, SalesforceGateway>();
    }

    internal static void AddHubSpot(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HubSpotOptions>().Bind(configuration.GetSection(HubSpotOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<HubSpotOptions>, CrmProviderOptionsValidator<HubSpotOptions>>();
        services.AddSingleton<HubSpotDailyQuota>();
        services.AddTransient<HubSpotAuthHandler>();
        AddLimiter<HubSpotOptions>(services, CrmProvider.HubSpot, o => o.Resilience);

        services.AddRefitGeneratedClient<IHubSpotApi>()
            .ConfigureHttpClient((sp, client) => Configure(client, Opt<HubSpotOptions>(sp).BaseUrl))
            .ConfigurePrimaryHttpMessageHandler(PrimaryHandler)
            .AddCrmResilience(CrmProvider.HubSpot, sp => Opt<HubSpotOptions>(sp).Resilience)
            .AddHttpMessageHandler<HubSpotAuthHandler>();

        services.AddTransient<ICrmGateway, HubSpotGateway>();
    }

    internal static void AddDynamics(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DynamicsOptions>().Bind(configuration.GetSection(DynamicsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DynamicsOptions>, CrmProviderOptionsValidator<DynamicsOptions>>();

        // Tests and other hosts may register their own credential (e.g. a managed identity) before this call.
        services.TryAddKeyedSingleton<TokenCredential>(CrmProvider.Dynamics, (sp, _) =>
        {
            var o = Opt<DynamicsOptions>(sp);
            return new ClientSecretCredential(o.TenantId, o.ClientId, o.ClientSecret,
                new ClientSecretCredentialOptions { AuthorityHost = o.AuthorityHost ?? AzureAuthorityHosts.AzurePublicCloud });
        });
        services.AddSingleton(sp => new DynamicsTokenCache(
            sp.GetRequiredKeyedService<TokenCredential>(CrmProvider.Dynamics),
            sp.GetRequiredService<IOptionsMonitor<DynamicsOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddTransient<DynamicsAuthHandler>();
        AddLimiter<DynamicsOptions>(services, CrmProvider.Dynamics, o => o.Resilience);

        services.AddRefitGeneratedClient<IDynamicsApi>()
            .ConfigureHttpClient((sp, client) => Configure(client, Opt<DynamicsOptions>(sp).OrganizationUrl))
            .ConfigurePrimaryHttpMessageHandler(PrimaryHandler)
            .AddCrmResilience(CrmProvider.Dynamics, sp => Opt<DynamicsOptions>(sp).Resilience)
            .AddHttpMessageHandler<DynamicsAuthHandler>();

        services.AddTransient<ICrmGateway, DynamicsGateway>();
    }

    /// <summary>One limiter per provider for the whole process: every client instance draws from the same quota.</summary>
    private static void AddLimiter<TOptions>(IServiceCollection services, CrmProvider provider, Func<TOptions, CrmResilienceOptions> resilience)
        where TOptions : class =>
        services.AddKeyedSingleton<RateLimiter>(provider, (sp, _) => CrmResilience.CreateLimiter(resilience(Opt<TOptions>(sp))));

    /// <summary>The resilience pipeline's total timeout bounds a call; HttpClient's own 100 s default would cut retries short.</summary>
    private static void Configure(HttpClient client, Uri? baseAddress)
    {
        client.BaseAddress = baseAddress;
        client.Timeout = Timeout.InfiniteTimeSpan;
    }

    private static T Opt<T>(IServiceProvider sp)
        where T : class => sp.GetRequiredService<IOptions<T>>().Value;

    private static SocketsHttpHandler PrimaryHandler() => new() { PooledConnectionLifetime = ConnectionLifetime };
}
