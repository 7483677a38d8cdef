using LeadSync.Core.Admin;
using LeadSync.Core.Crm.DeadLetters;
using LeadSync.Core.Crm.Pause;
using LeadSync.Core.Crm;
using LeadSync.Core.Intake.Enrichment;
using LeadSync.Core.Intake.Erasure;
using LeadSync.Core.Intake.Quarantine;
using LeadSync.Core.Intake.Redaction;
using LeadSync.Core.Intake.Signatures;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Inbox;
using LeadSync.Core.Jobs;
using LeadSync.Core.Leads;
using LeadSync.Core.Notifications;
using LeadSync.Core.Qualification;
using LeadSync.Core.Recycle;
using LeadSync.Core.Reports;
using LeadSync.Core.Retention;
using LeadSync.Core.Sla.Policies;
using LeadSync.Core.Sla;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Crm.Changes;
using LeadSync.Infrastructure.Crm.Sandbox;
using LeadSync.Infrastructure.Crm;
using LeadSync.Infrastructure.Intake;
using LeadSync.Infrastructure.Notifications.Email;
using LeadSync.Infrastructure.Notifications.Slack;
using LeadSync.Infrastructure.Notifications.Teams;
using LeadSync.Infrastructure.Notifications;
using LeadSync.Infrastructure.Nurture;
using LeadSync.Infrastructure.Recycle;
using LeadSync.Infrastructure.Scheduling;
using LeadSync.Infrastructure.Storage;
using LeadSync.Web.Admin;
using LeadSync.Web.Endpoints;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LeadSync.Web.Hosting;

/// <summary>Registers every LeadSync behaviour; both hosts call this and nothing else to get the product.</summary>
public static class LeadSyncRegistration
{
    public static IHostApplicationBuilder AddLeadSync(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        // First, so nothing binds an unresolved Key Vault reference as if it were the secret.
        services.AddSingleton(UnresolvedSecretSettings.Unset(builder.Configuration));
        services.TryAddSingleton(TimeProvider.System);
        AddOptions(services);
        AddStorage(services);
        AddIntake(services);
        services.AddWebhookSources(builder.Configuration);
        services.AddNurtureProviders(builder.Configuration);
        AddCrm(services, builder.Configuration);
        AddSlaAndRecycle(services);
        AddNotifications(services);
        AddAdmin(services);
        AddEndpoints(services);
        builder.AddLeadSyncTelemetry();
        return builder;
    }

    private static void AddOptions(IServiceCollection services)
    {
        Bind<IntakeOptions>(services, IntakeOptions.Section);
        Bind<QualificationOptions>(services, QualificationOptions.Section);
        Bind<CrmOptions>(services, CrmOptions.Section);
        Bind<SandboxCrmOptions>(services, SandboxCrmOptions.Section);
        Bind<SlaOptions>(services, SlaOptions.Section);
        Bind<RecycleOptions>(services, RecycleOptions.Section);
        Bind<NotificationOptions>(services, NotificationOptions.Section);
        Bind<DirectoryOptions>(services, DirectoryOptions.Section);
        Bind<TeamsOptions>(services, TeamsOptions.Section);
        Bind<SlackOptions>(services, SlackOptions.Section);
        Bind<SmtpOptions>(services, SmtpOptions.Section);
        Bind<StorageOptions>(services, StorageOptions.Section);
        Bind<AdminOptions>(services, AdminOptions.Section);
        Bind<RetentionOptions>(services, RetentionOptions.Section);
        services.AddSingleton<IValidateOptions<SlaOptions>, SlaOptionsValidator>();
        services.AddSingleton<IValidateOptions<SlaOptions>, SlaPolicyOptionsValidator>();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<IValidateOptions<DirectoryOptions>, DirectoryOptionsValidator>();
        services.AddSingleton<IValidateOptions<CrmOptions>, CrmProviderValidator>();
        services.AddSingleton<IValidateOptions<RecycleOptions>, RecycleOptionsValidator>();
        services.AddSingleton<IValidateOptions<QualificationOptions>, QualificationOptionsValidator>();
        services.AddSingleton<ScheduleValidator>();
        services.AddSingleton<IValidateOptions<SlaOptions>>(sp => sp.GetRequiredService<ScheduleValidator>());
        services.AddSingleton<IValidateOptions<RecycleOptions>>(sp => sp.GetRequiredService<ScheduleValidator>());
        services.AddSingleton<IValidateOptions<CrmOptions>>(sp => sp.GetRequiredService<ScheduleValidator>());
        services.AddSingleton<IValidateOptions<RetentionOptions>>(sp => sp.GetRequiredService<ScheduleValidator>());
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();
    }

    private static void Bind<TOptions>(IServiceCollection services, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();

    private static void AddStorage(IServiceCollection services)
    {
        services.AddSingleton<StorageClients>();
        services.AddSingleton<TableLeadStore>();
        services.AddSingleton<ILeadStore>(sp => sp.GetRequiredService<TableLeadStore>());
        services.AddSingleton<INoticeStore>(sp => sp.GetRequiredService<TableLeadStore>());
        services.AddSingleton<IDueIndex, TableDueIndex>();
        services.AddSingleton<ILeadEmailIndex, TableLeadEmailIndex>();
        services.AddSingleton<ILeadAliases, TableLeadAliases>();
        services.AddSingleton<IFunnelIndex, TableFunnelIndex>();
        services.AddSingleton<FunnelReport>();
        services.AddSingleton<FunnelRowRepair>();
        services.AddTransient<FunnelBackfillJob>();
        services.AddSingleton<ILeadSearch, TableLeadSearch>();
        services.AddSingleton<IAdminConfigStore, TableAdminConfigStore>();
        services.AddSingleton<IWorkQueue, StorageWorkQueue>();
        services.AddSingleton<StorageHealth>();
        // Back-off between contended writes waits real time: the other writers are real. (Tests that script contention
        // pass their own TimeProvider to LeadMutator; a host's fake clock must not freeze a retry.)
        services.AddSingleton(sp => new LeadMutator(sp.GetRequiredService<ILeadStore>(), TimeProvider.System));
    }

    private static void AddIntake(IServiceCollection services)
    {
        services.AddSingleton<StandardWebhookVerifier>();
        services.AddSingleton<IConfiguredSecrets>(sp => new ConfiguredSecrets(sp.GetRequiredService<IConfiguration>(), sp));
        services.AddSingleton<WebhookRedactor>();
        services.AddSingleton<IQuarantineStore, TableQuarantineStore>();
        services.AddSingleton<QuarantineReplay>();
        services.AddTransient<LeadEnrichment>();
        services.AddTransient<LeadErasure>();
        services.AddSingleton<ILeadEraser>(sp => sp.GetRequiredService<TableLeadStore>());
        services.AddSingleton<IErasureLog, TableErasureLog>();
        services.AddSingleton<IPersonalDataSweeper, TablePersonalDataSweeper>();
        services.AddSingleton<IRetentionStore, TableRetentionStore>();
        services.AddTransient<RetentionJob>();
        services.AddSingleton<QualificationPolicy>();
        services.AddSingleton<WebhookIntake>();
        services.AddSingleton<IIntakeInbox, TableIntakeInbox>();
        services.AddSingleton<InboxPump>();
        services.AddSingleton<WebhookReceiver>();
        services.AddHostedService<InboxPumpService>();
    }

    private static void AddCrm(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SandboxCrmGateway>();
        var provider = configuration[CrmOptions.Section + ":Provider"] ?? SandboxCrmGateway.ProviderName;
        if (CrmProviderValidator.Providers.Contains(provider, StringComparer.OrdinalIgnoreCase) &&
            !string.Equals(provider, SandboxCrmGateway.ProviderName, StringComparison.OrdinalIgnoreCase))
        {
            services.AddCrmProviders(configuration);
        }
        else
        {
            // The sandbox; an unknown provider name is reported by CrmProviderValidator when the host starts.
            services.AddSingleton<ICrmGateway>(sp => sp.GetRequiredService<SandboxCrmGateway>());
        }

        services.AddSingleton<ICrmPauseStore, TableCrmPauseStore>();
        services.AddSingleton<CrmPauseGate>();
        services.AddSingleton<QueueDeferral>();
        services.AddSingleton<SyncBacklog>();
        services.AddSingleton<CrmHealthReader>();
        services.AddHostedService<CrmStatusSampler>();
        services.AddSingleton<SyncBacklogSignal>();
        services.AddSingleton<CrmUpsertBatcher>();
        services.AddTransient<LeadSyncer>();
        services.AddSingleton<IDeadLetterStore, TableDeadLetterStore>();
        services.AddTransient<DeadLetterReplay>();
        services.AddTransient<DeadLetterBulkReplay>();
        services.AddTransient<CrmEventProcessor>();
        services.AddCrmChangeSources(configuration);
    }

    private static void AddSlaAndRecycle(IServiceCollection services)
    {
        services.AddSingleton<ISlaPolicy, CalendarSlaPolicy>();
        services.AddSingleton<SlaClock>();
        services.AddTransient<SlaSweep>();
        services.AddSingleton<RecyclePolicy>();
        services.TryAddSingleton<INurtureTarget, SandboxNurtureTarget>();
        services.AddTransient<EscalationAcknowledger>();
        services.AddTransient<RecycleJob>();
        services.AddTransient<RedriveJob>();
    }

    private static void AddNotifications(IServiceCollection services)
    {
        // No request logging on this client: it would print the webhook URL, whose path can hold a secret.
        services.AddHttpClient(ConfiguredNotifier.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();
        services.AddSingleton<OutboxNotifier>();
        services.AddSingleton<TeamsNotifier>();
        services.AddSingleton<SlackNotifier>();
        services.AddSingleton<EmailNotifier>();
        services.AddSingleton<IEscalationDirectory, SettingsEscalationDirectory>();
        services.AddSingleton<INotifier, ConfiguredNotifier>();
        services.AddTransient<EscalationDispatcher>();
    }

    /// <summary>
    /// Admin-stored documents take precedence over their settings sections (see <see cref="AdminOverlayRegistration"/>);
    /// the refresher loads other instances' changes.
    /// </summary>
    private static void AddAdmin(IServiceCollection services)
    {
        services.AddSingleton<AdminConfigurationSnapshot>();
        services.AddSingleton<IAdminConfiguration>(sp => sp.GetRequiredService<AdminConfigurationSnapshot>());
        services.AddSingleton<AdminResourceCatalog>();
        services.AddAdminOverlays();
        services.AddHostedService<AdminConfigurationRefresher>();
    }

    private static void AddEndpoints(IServiceCollection services)
    {
        services.AddSingleton<EndpointGuard>();
        services.AddSingleton<AdminAuthorizer>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<QueueWork>();
        services.AddSingleton<FailedAuthenticationLimiter>();
        services.AddSingleton<WebhookEndpoints>();
        services.AddSingleton<LeadEndpoints>();
        services.AddSingleton<CrmEventEndpoints>();
        services.AddSingleton<CrmChangeEndpoints>();
        services.AddSingleton<EscalationAckEndpoints>();
        services.AddSingleton<HealthEndpoints>();
        services.AddSingleton<JobEndpoints>();
        services.AddSingleton<QuarantineEndpoints>();
        services.AddSingleton<DeadLetterEndpoints>();
        services.AddSingleton<ReportEndpoints>();
        services.AddSingleton<AdminConfigEndpoints>();
        services.AddSingleton<SlaDryRunEndpoints>();
        services.AddSingleton<LeadSearchEndpoints>();
        services.AddSingleton<DashboardEndpoints>();
        services.AddSingleton<ErasureEndpoints>();
    }
}
