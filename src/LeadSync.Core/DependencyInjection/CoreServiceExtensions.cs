using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LeadSync.Core.DependencyInjection;

/// <summary>
/// The core's own registrations: its use cases, policies and the validators of its options. The ports they need
/// (stores, CRM, notifier, nurture target) are registered by the adapters (<c>AddLeadSyncInfrastructure</c>); the
/// options are bound to settings by the composition root (<c>AddLeadSync</c>), which owns the configuration.
/// </summary>
public static class CoreServiceExtensions
{
    public static IServiceCollection AddLeadSyncCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        AddOptionValidators(services);
        AddLeadsAndReports(services);
        AddIntake(services);
        AddCrm(services);
        AddSlaAndRecycle(services);
        AddNotificationsAndAdmin(services);
        AddPeopleAndRouting(services);
        return services;
    }

    private static void AddOptionValidators(IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<SlaOptions>, SlaOptionsValidator>();
        services.AddSingleton<IValidateOptions<SlaOptions>, SlaPolicyOptionsValidator>();
        services.AddSingleton<IValidateOptions<DirectoryOptions>, DirectoryOptionsValidator>();
        services.AddSingleton<IValidateOptions<RecycleOptions>, RecycleOptionsValidator>();
        services.AddSingleton<IValidateOptions<QualificationOptions>, QualificationOptionsValidator>();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();
        services.AddSingleton<IValidateOptions<PeopleOptions>, PeopleOptionsValidator>();
        services.AddSingleton<IValidateOptions<RoutingOptions>, RoutingOptionsValidator>();
    }

    private static void AddLeadsAndReports(IServiceCollection services)
    {
        // Back-off between contended writes waits real time: the other writers are real. (Tests that script contention
        // pass their own TimeProvider to LeadMutator; a host's fake clock must not freeze a retry.)
        services.AddSingleton(sp => new LeadMutator(sp.GetRequiredService<ILeadStore>(), TimeProvider.System));
        services.AddSingleton<FunnelReport>();
        services.AddSingleton<FunnelRowRepair>();
        services.AddTransient<FunnelBackfillJob>();
    }

    private static void AddIntake(IServiceCollection services)
    {
        services.AddSingleton<StandardWebhookVerifier>();
        services.AddSingleton<WebhookRedactor>();
        services.AddSingleton<QuarantineReplay>();
        services.AddTransient<LeadEnrichment>();
        services.AddTransient<LeadErasure>();
        services.AddTransient<RetentionJob>();
        services.AddSingleton<QualificationPolicy>();
        services.AddSingleton<WebhookIntake>();
        services.AddSingleton<InboxPump>();
        services.AddSingleton<WebhookReceiver>();
    }

    private static void AddCrm(IServiceCollection services)
    {
        services.AddSingleton<CrmPauseGate>();
        services.AddSingleton<SyncBacklogSignal>();
        services.AddSingleton<CrmUpsertBatcher>();
        services.AddTransient<LeadSyncer>();
        services.AddTransient<DeadLetterReplay>();
        services.AddTransient<DeadLetterBulkReplay>();
        services.AddTransient<CrmEventProcessor>();
    }

    private static void AddSlaAndRecycle(IServiceCollection services)
    {
        services.AddSingleton<ISlaPolicy, CalendarSlaPolicy>();
        services.AddSingleton<SlaClock>();
        services.AddTransient<SlaSweep>();
        services.AddSingleton<RecyclePolicy>();
        services.AddTransient<EscalationAcknowledger>();
        services.AddTransient<EscalationResponder>();
        services.AddTransient<RecycleJob>();
        services.AddTransient<NurtureHandOff>();
        services.AddTransient<RedriveJob>();
    }

    private static void AddNotificationsAndAdmin(IServiceCollection services)
    {
        // The escalation directory's entries stay the admin's overrides; everyone else comes from the people directory.
        services.AddSingleton<SettingsEscalationDirectory>();
        services.AddSingleton<IEscalationDirectory, PeopleEscalationDirectory>();
        services.AddTransient<EscalationDispatcher>();
        services.AddSingleton<AdminConfigurationSnapshot>();
        services.AddSingleton<IAdminConfiguration>(sp => sp.GetRequiredService<AdminConfigurationSnapshot>());
        services.AddSingleton<AdminResourceCatalog>();
        services.AddSingleton<Admin.Audit.AuditRecorder>();
    }

    /// <summary>The people directory (synced by <see cref="PeopleSyncJob"/>) and routing at intake; the CRM user source, account lookup, people store and ledger are adapters.</summary>
    private static void AddPeopleAndRouting(IServiceCollection services)
    {
        services.AddSingleton<PeopleDirectorySource>();
        services.AddSingleton<OwnerAvailability>();
        services.AddTransient<PeopleSyncJob>();
        services.AddSingleton<AccountLookupCache>();
        services.AddTransient<LeadRouting>();
        services.AddTransient<LeadReassigner>();
    }
}
