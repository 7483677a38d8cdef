using LeadSync.Infrastructure.Intake.HubSpot;
using LeadSync.Infrastructure.Intake.LinkedIn;
using LeadSync.Infrastructure.Intake.Meta;

namespace LeadSync.Infrastructure.Intake;

/// <summary>Registers every webhook source (each off until its secret is configured) and the vendor API clients they need.</summary>
public static class WebhookSourceRegistration
{
    public static IServiceCollection AddWebhookSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StandardWebhookVerifier>();
        services.TryAddSingleton<HubSpotSignature>();

        Bind<GenericSourceOptions>(services, configuration, GenericSourceOptions.Section);
        Bind<HubSpotSourceOptions>(services, configuration, HubSpotSourceOptions.Section);
        Bind<TypeformSourceOptions>(services, configuration, TypeformSourceOptions.Section);
        Bind<MetaSourceOptions>(services, configuration, MetaSourceOptions.Section);
        Bind<LinkedInSourceOptions>(services, configuration, LinkedInSourceOptions.Section);
        Bind<GoogleAdsSourceOptions>(services, configuration, GoogleAdsSourceOptions.Section);
        Bind<MailchimpSourceOptions>(services, configuration, MailchimpSourceOptions.Section);
        Bind<UnbounceSourceOptions>(services, configuration, UnbounceSourceOptions.Section);
        Bind<MarketoSourceOptions>(services, configuration, MarketoSourceOptions.Section);
        Bind<PardotSourceOptions>(services, configuration, PardotSourceOptions.Section);

        // TryAddEnumerable: calling this next to an existing registration of a source does not register it twice.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebhookSource, GenericWebhookSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebhookSource, HubSpotWebhookSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebhookSource, TypeformWebhookSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebhookSource, MetaWebhookSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebhookSource, LinkedInWebhookSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebhookSource, GoogleAdsWebhookSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebhookSource, MailchimpWebhookSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebhookSource, UnbounceWebhookSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebhookSource, MarketoWebhookSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebhookSource, PardotWebhookSource>());

        // Enrichers hold typed HTTP clients: transient, so each queue message gets a fresh client from the factory.
        services.AddTransient<HubSpotAccessTokenHandler>();
        services.AddRefitGeneratedClient<IHubSpotCrmApi>()
            .ConfigureHttpClient((provider, client) => client.BaseAddress = provider.GetRequiredService<IOptions<HubSpotSourceOptions>>().Value.ApiBaseAddress)
            .AddHttpMessageHandler<HubSpotAccessTokenHandler>()
            .AddStandardResilienceHandler();
        services.AddRefitGeneratedClient<IMetaGraphApi>()
            .ConfigureHttpClient((provider, client) => client.BaseAddress = provider.GetRequiredService<IOptions<MetaSourceOptions>>().Value.GraphApiBaseAddress)
            .AddStandardResilienceHandler();
        services.TryAddEnumerable(ServiceDescriptor.Transient<ILeadEnricher, HubSpotLeadEnricher>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<ILeadEnricher, MetaLeadEnricher>());

        services.TryAddSingleton<LinkedInFormCache>();
        services.AddTransient<LinkedInHeadersHandler>();
        services.AddRefitGeneratedClient<ILinkedInLeadSyncApi>()
            .ConfigureHttpClient((provider, client) => client.BaseAddress = provider.GetRequiredService<IOptions<LinkedInSourceOptions>>().Value.BaseUrl)
            .AddHttpMessageHandler<LinkedInHeadersHandler>()
            .AddStandardResilienceHandler();
        services.TryAddEnumerable(ServiceDescriptor.Transient<ILeadEnricher, LinkedInLeadEnricher>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, LinkedInEnrichmentStartupCheck>());
        return services;
    }

    private static void Bind<TOptions>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        if (typeof(IValidateOptions<TOptions>).IsAssignableFrom(typeof(SourceOptionsValidator)))
        {
            services.AddSingleton(typeof(IValidateOptions<TOptions>), typeof(SourceOptionsValidator));
        }
    }
}
