using LeadSync.Core.DependencyInjection;
using LeadSync.Infrastructure.DependencyInjection;
using LeadSync.Web.Admin;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LeadSync.Web.Hosting;

/// <summary>
/// Registers every LeadSync behaviour; both hosts call this and nothing else to get the product. Each layer registers
/// itself (<see cref="CoreServiceExtensions.AddLeadSyncCore"/>, <see cref="InfrastructureServiceExtensions.AddLeadSyncInfrastructure"/>);
/// this composition root binds the core's options to settings and adds what the web layer owns: handlers, admin, telemetry.
/// </summary>
public static class LeadSyncRegistration
{
    public static IHostApplicationBuilder AddLeadSync(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        // First, so nothing binds an unresolved Key Vault reference as if it were the secret.
        services.AddSingleton(UnresolvedSecretSettings.Unset(builder.Configuration));
        services.TryAddSingleton(TimeProvider.System);
        BindCoreOptions(services);
        services.PostConfigure<IntakeOptions>(o => o.Filing = IntakeFilingResolver.Resolve(o.Filing, builder.Configuration));
        services.AddLeadSyncCore();
        services.AddLeadSyncInfrastructure(builder.Configuration);
        AddHostServices(services);
        AddAdmin(services);
        AddEndpoints(services);
        builder.AddLeadSyncTelemetry();
        return builder;
    }

    private static void BindCoreOptions(IServiceCollection services)
    {
        Bind<IntakeOptions>(services, IntakeOptions.Section);
        Bind<QualificationOptions>(services, QualificationOptions.Section);
        Bind<CrmOptions>(services, CrmOptions.Section);
        Bind<SlaOptions>(services, SlaOptions.Section);
        Bind<RecycleOptions>(services, RecycleOptions.Section);
        Bind<NotificationOptions>(services, NotificationOptions.Section);
        Bind<DirectoryOptions>(services, DirectoryOptions.Section);
        Bind<RetentionOptions>(services, RetentionOptions.Section);
        Bind<PeopleOptions>(services, PeopleOptions.Section);
        Bind<RoutingOptions>(services, RoutingOptions.Section);
    }

    private static void Bind<TOptions>(IServiceCollection services, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();

    /// <summary>What runs beside the handlers in either host: secrets from settings, the inbox pump, the CRM status sampler.</summary>
    private static void AddHostServices(IServiceCollection services)
    {
        services.AddSingleton<IConfiguredSecrets>(sp => new ConfiguredSecrets(sp.GetRequiredService<IConfiguration>(), sp));
        services.AddHostedService<InboxPumpService>();
        services.AddSingleton<CrmHealthReader>();
        services.AddHostedService<CrmStatusSampler>();
    }

    /// <summary>
    /// Admin-stored documents take precedence over their settings sections (see <see cref="AdminOverlayRegistration"/>);
    /// the refresher loads other instances' changes.
    /// </summary>
    private static void AddAdmin(IServiceCollection services)
    {
        Bind<AdminOptions>(services, AdminOptions.Section);
        services.AddAdminOverlays();
        services.AddHostedService<AdminConfigurationRefresher>();
    }

    private static void AddEndpoints(IServiceCollection services)
    {
        services.AddSingleton<EndpointGuard>();
        services.AddSingleton<AdminAuthorizer>();
        services.AddSingleton<AdminGate>();
        services.AddSingleton<AdminAudit>();
        services.AddSingleton<AuditEndpoints>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<QueueWork>();
        services.AddSingleton<FailedAuthenticationLimiter>();
        services.AddSingleton<WebhookEndpoints>();
        services.AddSingleton<LeadEndpoints>();
        services.AddSingleton<CrmEventEndpoints>();
        services.AddSingleton<CrmChangeEndpoints>();
        services.AddSingleton<EscalationAckEndpoints>();
        services.AddSingleton<EscalationActionEndpoints>();
        services.AddSingleton<SlackInteractivityEndpoints>();
        services.AddSingleton<HealthEndpoints>();
        services.AddSingleton<JobEndpoints>();
        services.AddSingleton<QuarantineEndpoints>();
        services.AddSingleton<DeadLetterEndpoints>();
        services.AddSingleton<ReportEndpoints>();
        services.AddSingleton<AdminConfigEndpoints>();
        services.AddSingleton<SlaDryRunEndpoints>();
        services.AddSingleton<RecentLeads>();
        services.AddSingleton<QualificationDryRunEndpoints>();
        services.AddSingleton<RecycleDryRunEndpoints>();
        services.AddTransient<RoutingDryRunEndpoints>();
        services.AddSingleton<LeadSearchEndpoints>();
        services.AddSingleton<DashboardEndpoints>();
        services.AddSingleton<ErasureEndpoints>();
    }
}
