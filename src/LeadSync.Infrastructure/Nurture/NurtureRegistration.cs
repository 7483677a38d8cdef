using LeadSync.Infrastructure.Nurture.HubSpot;

namespace LeadSync.Infrastructure.Nurture;

/// <summary>Registers the nurture write-back chosen by <c>LeadSync:Nurture:Provider</c> (sandbox when unset).</summary>
public static class NurtureRegistration
{
    /// <summary>
    /// Binds and validates (at start, for the selected provider only) <see cref="NurtureOptions"/>, and registers the
    /// provider's Refit clients with the standard resilience pipeline and its <see cref="INurtureTarget"/>. Safe to
    /// call before or after <c>AddLeadSync</c>.
    /// </summary>
    public static IServiceCollection AddNurtureProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<NurtureOptions>().Bind(configuration.GetSection(NurtureOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NurtureOptions>, NurtureOptionsValidator>());
        var provider = configuration[$"{NurtureOptions.Section}:Provider"] ?? NurtureOptions.Sandbox;
        switch (provider.Trim().ToLowerInvariant())
        {
            case NurtureOptions.HubSpotProvider:
                services.AddTransient<HubSpotAuthHandler>();
                Client<IHubSpotListsApi>(services, o => new Uri(o.HubSpot.BaseUrl)).AddHttpMessageHandler<HubSpotAuthHandler>();
                Client<IHubSpotContactsApi>(services, o => new Uri(o.HubSpot.BaseUrl)).AddHttpMessageHandler<HubSpotAuthHandler>();
                services.Replace(ServiceDescriptor.Singleton<INurtureTarget, HubSpotNurtureTarget>());
                break;
            case NurtureOptions.MarketoProvider:
                services.AddTransient<MarketoAuthHandler>();
                Client<IMarketoIdentityApi>(services, o => new Uri(o.Marketo.BaseUrl!));
                Client<IMarketoLeadsApi>(services, o => new Uri(o.Marketo.BaseUrl!)).AddHttpMessageHandler<MarketoAuthHandler>();
                services.Replace(ServiceDescriptor.Singleton<INurtureTarget, MarketoNurtureTarget>());
                break;
            case NurtureOptions.MailchimpProvider:
                services.AddTransient<MailchimpAuthHandler>();
                Client<IMailchimpMembersApi>(services, o => o.Mailchimp.ResolvedBaseUrl()!).AddHttpMessageHandler<MailchimpAuthHandler>();
                services.Replace(ServiceDescriptor.Singleton<INurtureTarget, MailchimpNurtureTarget>());
                break;
            default:
                // sandbox (registered by AddLeadSync); anything else is reported by the validator at start.
                break;
        }

        return services;
    }

    /// <summary>
    /// A Refit client with the standard pipeline (rate limit, total timeout, retries with jitter honouring Retry-After,
    /// circuit breaker, attempt timeout). Every call LeadSync makes is idempotent (PUT, upsert-by-key, add-to-list),
    /// so retrying them is safe.
    /// </summary>
    private static IHttpClientBuilder Client<TApi>(IServiceCollection services, Func<NurtureOptions, Uri> baseAddress)
        where TApi : class
    {
        var builder = services.AddRefitGeneratedClient<TApi>()
            .ConfigureHttpClient((sp, client) => client.BaseAddress = baseAddress(sp.GetRequiredService<IOptions<NurtureOptions>>().Value));
        builder.AddStandardResilienceHandler().Configure((HttpStandardResilienceOptions resilience, IServiceProvider sp) =>
        {
            var attempt = sp.GetRequiredService<IOptions<NurtureOptions>>().Value.AttemptTimeout;
            resilience.AttemptTimeout.Timeout = attempt;
            resilience.CircuitBreaker.SamplingDuration = Max(TimeSpan.FromSeconds(30), attempt * 2);
            resilience.TotalRequestTimeout.Timeout = Max(TimeSpan.FromSeconds(30), (attempt * 3) + TimeSpan.FromSeconds(5));
        });
        return builder;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
