using LeadSync.Infrastructure.Crm;
using LeadSync.Infrastructure.Crm.Sandbox;
using LeadSync.Infrastructure.Intake;
using LeadSync.Infrastructure.Notifications;
using LeadSync.Infrastructure.Nurture;
using LeadSync.Infrastructure.Recycle;
using LeadSync.Infrastructure.Scheduling;

namespace LeadSync.Infrastructure.DependencyInjection;

/// <summary>
/// The adapters' own registrations: Azure Tables and Queues stores, webhook sources, the CRM provider that
/// <c>LeadSync:Crm:Provider</c> selects (see <see cref="CrmProviders"/>), nurture targets and notifiers, with their
/// options bound and validated on start. Call after <c>AddLeadSyncCore</c>.
/// </summary>
public static class InfrastructureServiceExtensions
{
    public static IServiceCollection AddLeadSyncInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        AddOptions(services);
        AddStorage(services);
        AddIntake(services);
        services.AddWebhookSources(configuration);
        services.AddNurtureProviders(configuration);
        AddCrm(services, configuration);
        services.TryAddSingleton<INurtureTarget, SandboxNurtureTarget>();
        AddNotifications(services);
        return services;
    }

    private static void AddOptions(IServiceCollection services)
    {
        Bind<SandboxCrmOptions>(services, SandboxCrmOptions.Section);
        Bind<TeamsOptions>(services, TeamsOptions.Section);
        Bind<SlackOptions>(services, SlackOptions.Section);
        Bind<SmtpOptions>(services, SmtpOptions.Section);
        Bind<StorageOptions>(services, StorageOptions.Section);
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<IValidateOptions<CrmOptions>, CrmProviderValidator>();
        services.AddSingleton<ScheduleValidator>();
        services.AddSingleton<IValidateOptions<SlaOptions>>(sp => sp.GetRequiredService<ScheduleValidator>());
        services.AddSingleton<IValidateOptions<RecycleOptions>>(sp => sp.GetRequiredService<ScheduleValidator>());
        services.AddSingleton<IValidateOptions<CrmOptions>>(sp => sp.GetRequiredService<ScheduleValidator>());
        services.AddSingleton<IValidateOptions<RetentionOptions>>(sp => sp.GetRequiredService<ScheduleValidator>());
        services.AddSingleton<IValidateOptions<PeopleOptions>>(sp => sp.GetRequiredService<ScheduleValidator>());
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
        services.AddSingleton<ILeadEraser>(sp => sp.GetRequiredService<TableLeadStore>());
        services.AddSingleton<IRecentLeadWrites>(sp => sp.GetRequiredService<TableLeadStore>().RecentWrites);
        services.AddSingleton<IDueIndex, TableDueIndex>();
        services.AddSingleton<ILeadEmailIndex, TableLeadEmailIndex>();
        services.AddSingleton<ILeadAliases, TableLeadAliases>();
        services.AddSingleton<IFunnelIndex, TableFunnelIndex>();
        services.AddSingleton<IFunnelDays, TableFunnelDays>();
        services.AddSingleton<ILeadSearch, TableLeadSearch>();
        services.AddSingleton<IAdminConfigStore, TableAdminConfigStore>();
        services.AddSingleton<Core.Admin.Audit.IAuditLog, TableAuditLog>();
        services.AddSingleton<IWorkQueue, StorageWorkQueue>();
        services.AddSingleton<StorageHealth>();
    }

    private static void AddIntake(IServiceCollection services)
    {
        services.AddSingleton<IQuarantineStore, TableQuarantineStore>();
        services.AddSingleton<IErasureLog, TableErasureLog>();
        services.AddSingleton<IPersonalDataSweeper, TablePersonalDataSweeper>();
        services.AddSingleton<IRetentionStore, TableRetentionStore>();
        services.AddSingleton<IIntakeInbox, TableIntakeInbox>();
    }

    private static void AddCrm(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CrmRecordLinks>();
        services.AddSingleton<SandboxCrmGateway>();
        if (CrmProviders.IsVendor(configuration[CrmOptions.Section + ":" + nameof(CrmOptions.Provider)] ?? CrmProviders.Sandbox))
        {
            services.AddCrmProviders(configuration);
        }
        else
        {
            // The sandbox; an unknown provider name is reported by CrmProviderValidator when the host starts.
            services.AddSingleton<ICrmGateway>(sp => sp.GetRequiredService<SandboxCrmGateway>());
        }

        // The people directory and routing read the CRM's users and accounts through the gateway when it can.
        services.AddTransient<ICrmUserSource>(sp => sp.GetRequiredService<ICrmGateway>() is ICrmUserSource users ? users : new NoCrmUsers(CrmProviders.Sandbox));
        services.AddSingleton<ICrmAccountLookup>(sp => sp.GetRequiredService<ICrmGateway>() is ICrmAccountLookup accounts ? accounts : new NoAccountLookup());
        services.AddSingleton<IPeopleStore, TablePeopleStore>();
        services.AddSingleton<IRoutingLedger, TableRoutingLedger>();
        services.AddSingleton<ICrmPauseStore, TableCrmPauseStore>();
        services.AddSingleton<QueueDeferral>();
        services.AddSingleton<SyncBacklog>();
        services.AddSingleton<IDeadLetterStore, TableDeadLetterStore>();
        services.AddCrmChangeSources(configuration);
    }

    private static void AddNotifications(IServiceCollection services)
    {
        // No request logging on this client: it would print the webhook URL, whose path can hold a secret.
        services.AddHttpClient(ConfiguredNotifier.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();
        services.AddSingleton<OutboxNotifier>();
        services.AddSingleton<TeamsNotifier>();
        services.AddSlackApp();
        services.AddSingleton<SlackNotifier>();
        services.AddSingleton<EmailNotifier>();
        services.AddSingleton<INotifier, ConfiguredNotifier>();
    }
}
