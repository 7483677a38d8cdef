using LeadSync.Infrastructure.Crm.HubSpot;

namespace LeadSync.Web.Admin;

/// <summary>
/// Lays each admin-stored document over the options it governs. Every consumer reads those options through
/// <see cref="IOptionsMonitor{TOptions}"/>, and each overlay is also the options' change-token source, so a change
/// stored through the admin API (or loaded from another instance by the refresher) applies without a restart. The
/// settings stay the fallback for anything no admin has edited.
/// </summary>
public static class AdminOverlayRegistration
{
    public static IServiceCollection AddAdminOverlays(this IServiceCollection services)
    {
        Overlay<SlaOptions, SlaPolicyDocument>(services, AdminResources.SlaPolicies, (doc, options) => doc.ApplyTo(options));
        Overlay<QualificationOptions, QualificationOptions>(services, AdminResources.Qualification, (doc, options) =>
        {
            options.MinimumScore = doc.MinimumScore;
            options.Mode = doc.Mode;
            Replace(options.RequiredFields, doc.RequiredFields);
            options.MinimumBudget = doc.MinimumBudget;
            Replace(options.AuthorityRoles, doc.AuthorityRoles);
            options.RequireNeed = doc.RequireNeed;
            options.MaximumTimelineMonths = doc.MaximumTimelineMonths;
            Replace(options.Countries, doc.Countries);
            options.ExcludeFreeMail = doc.ExcludeFreeMail;
        });
        Overlay<RecycleOptions, RecyclePolicyDocument>(services, AdminResources.Recycle, (doc, options) => doc.ApplyTo(options));
        Overlay<DirectoryOptions, DirectoryOptions>(services, AdminResources.Directory, (doc, options) =>
        {
            options.DefaultTeamChannel = doc.DefaultTeamChannel;
            options.Owners.Clear();
            foreach (var (owner, entry) in doc.Owners)
            {
                options.Owners[owner] = entry;
            }
        });
        Overlay<PeopleOptions, PeopleDocument>(services, AdminResources.People, (doc, options) => doc.ApplyTo(options));
        Overlay<RoutingOptions, RoutingOptions>(services, AdminResources.RoutingPolicies, (doc, options) => doc.CopyTo(options));
        AddSourceConnections(services);
        AddCrmConnection(services);
        return services;
    }

    /// <summary>Each source's signing secret: an admin can rotate it, or turn the source off (no secret = off, 404).</summary>
    private static void AddSourceConnections(IServiceCollection services)
    {
        Connection<GenericSourceOptions>(services, (doc, o) => o.Secret = doc.EffectiveSecret(GenericWebhookSource.SourceName, o.Secret));
        Connection<HubSpotSourceOptions>(services, (doc, o) => o.ClientSecret = doc.EffectiveSecret(HubSpotWebhookSource.SourceName, o.ClientSecret));
        Connection<TypeformSourceOptions>(services, (doc, o) => o.Secret = doc.EffectiveSecret(TypeformWebhookSource.SourceName, o.Secret));
        Connection<LinkedInSourceOptions>(services, (doc, o) => o.ClientSecret = doc.EffectiveSecret(LinkedInWebhookSource.SourceName, o.ClientSecret));
        Connection<GoogleAdsSourceOptions>(services, (doc, o) => o.Key = doc.EffectiveSecret(GoogleAdsWebhookSource.SourceName, o.Key));
        Connection<MailchimpSourceOptions>(services, (doc, o) => o.Key = doc.EffectiveSecret(MailchimpWebhookSource.SourceName, o.Key));
        Connection<UnbounceSourceOptions>(services, (doc, o) => o.Key = doc.EffectiveSecret(UnbounceWebhookSource.SourceName, o.Key));
        Connection<MarketoSourceOptions>(services, (doc, o) => o.Secret = doc.EffectiveSecret(MarketoWebhookSource.SourceName, o.Secret));
        Connection<PardotSourceOptions>(services, (doc, o) => o.Key = doc.EffectiveSecret(PardotWebhookSource.SourceName, o.Key));

        // An enabled Meta source needs its verify token (a setting): without one the stored secret is not applied,
        // which leaves the source as the settings define it instead of failing every request on validation.
        Connection<MetaSourceOptions>(services, (doc, o) =>
        {
            var secret = doc.EffectiveSecret(MetaWebhookSource.SourceName, o.AppSecret);
            o.AppSecret = secret is null || !string.IsNullOrEmpty(o.VerifyToken) ? secret : o.AppSecret;
        });
    }

    /// <summary>
    /// The CRM credentials of the provider the app started with (the provider itself is a start-up choice). Read at the
    /// next token request (Salesforce client credentials, HubSpot access token); base URLs and the Dynamics credential
    /// are read when their clients are first built, so they apply at the next start.
    /// </summary>
    private static void AddCrmConnection(IServiceCollection services)
    {
        CrmConnection<SalesforceOptions>(services, "salesforce", (doc, o, url) =>
        {
            o.MyDomainUrl = url ?? o.MyDomainUrl;
            o.ClientId = Text(doc.Crm.ClientId) ?? o.ClientId;
            o.ClientSecret = Text(doc.Crm.ClientSecret) ?? o.ClientSecret;
        });
        CrmConnection<HubSpotOptions>(services, "hubspot", (doc, o, url) =>
        {
            o.BaseUrl = url ?? o.BaseUrl;
            o.AccessToken = Text(doc.Crm.ClientSecret) ?? o.AccessToken;
        });
        CrmConnection<DynamicsOptions>(services, "dynamics", (doc, o, url) =>
        {
            o.OrganizationUrl = url ?? o.OrganizationUrl;
            o.ClientId = Text(doc.Crm.ClientId) ?? o.ClientId;
            o.ClientSecret = Text(doc.Crm.ClientSecret) ?? o.ClientSecret;
        });
    }

    /// <summary>
    /// A CRM connection overlay whose stored base URL is applied only when <see cref="CrmBaseUrlRule"/> allows it now
    /// (a document stored before the rule, or under another provider, never sends credentials elsewhere).
    /// </summary>
    private static void CrmConnection<TOptions>(IServiceCollection services, string provider, Action<ConnectionSettings, TOptions, Uri?> apply)
        where TOptions : class
    {
        services.AddSingleton(sp =>
        {
            var allowed = sp.GetRequiredService<IOptions<CrmOptions>>().Value.AllowedBaseUrlHosts.ToList();
            return new AdminOptionsOverlay<TOptions, ConnectionSettings>(sp.GetRequiredService<AdminConfigurationSnapshot>(), AdminResources.Connections,
                (doc, o) => apply(doc, o, doc.Crm.BaseUrl is { Length: > 0 } url && CrmBaseUrlRule.Check(provider, url, allowed) is null ? Url(url) : null));
        });
        services.AddSingleton<IPostConfigureOptions<TOptions>>(sp => sp.GetRequiredService<AdminOptionsOverlay<TOptions, ConnectionSettings>>());
        services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(sp => sp.GetRequiredService<AdminOptionsOverlay<TOptions, ConnectionSettings>>());
    }

    private static void Connection<TOptions>(IServiceCollection services, Action<ConnectionSettings, TOptions> apply)
        where TOptions : class =>
        Overlay(services, AdminResources.Connections, apply);

    private static void Overlay<TOptions, TDocument>(IServiceCollection services, string resource, Action<TDocument, TOptions> apply)
        where TOptions : class
        where TDocument : class
    {
        services.AddSingleton(sp => new AdminOptionsOverlay<TOptions, TDocument>(sp.GetRequiredService<AdminConfigurationSnapshot>(), resource, apply));
        services.AddSingleton<IPostConfigureOptions<TOptions>>(sp => sp.GetRequiredService<AdminOptionsOverlay<TOptions, TDocument>>());
        services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(sp => sp.GetRequiredService<AdminOptionsOverlay<TOptions, TDocument>>());
    }

    private static void Replace(IList<string> target, IEnumerable<string> source)
    {
        target.Clear();
        foreach (var item in source)
        {
            target.Add(item);
        }
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static Uri? Url(string? value) => Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null;
}
