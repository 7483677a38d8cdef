namespace LeadSync.Core.Intake.Enrichment;

/// <summary>
/// The enrichment use case for one <see cref="QueueNames.LeadEnrich"/> message: reads the vendor record of a lead
/// stored as <see cref="LeadStatus.Received"/>, normalizes it, qualifies the lead and hands sales-ready leads to CRM
/// sync. Idempotent: a lead that is no longer Received is left alone.
/// </summary>
public sealed partial class LeadEnrichment(
    IEnumerable<ILeadEnricher> enrichers,
    ILeadStore store,
    LeadMutator mutator,
    IDueIndex dueIndex,
    IWorkQueue queue,
    QualificationPolicy qualification,
    IOptionsMonitor<IntakeOptions> intakeOptions,
    TimeProvider timeProvider,
    ILogger<LeadEnrichment> logger)
{
    public const string Actor = "enrichment";

    private readonly Dictionary<string, ILeadEnricher> _enrichers =
        enrichers.ToDictionary(e => e.Source, StringComparer.OrdinalIgnoreCase);

    public async Task<WorkOutcome> EnrichAsync(string leadId, CancellationToken cancellationToken)
    {
        var lead = await store.GetAsync(leadId, cancellationToken);
        if (lead is null || lead.Status != LeadStatus.Received || lead.EnrichmentKey is null)
        {
            return WorkOutcome.Done(lead is null ? "unknown lead" : $"nothing to enrich ({lead.Status})");
        }

        if (!_enrichers.TryGetValue(lead.Source, out var enricher))
        {
            // Stays Received (nothing is lost); the re-drive job offers it again within its window.
            LogNoEnricher(logger, lead.Source, leadId);
            return WorkOutcome.Done($"no enricher for {lead.Source}");
        }

        var result = await enricher.EnrichAsync(lead, cancellationToken);
        switch (result.Status)
        {
            case EnrichmentStatus.Transient:
                LogTransient(logger, lead.Source, leadId, result.Detail);
                if (result.NeedsOperator)
                {
                    await NoteBlockedAsync(leadId, $"Not completed from {lead.Source}: {result.Detail}.", cancellationToken);
                }

                return WorkOutcome.Retry(result.RetryAfter ?? intakeOptions.CurrentValue.EnrichmentRetryDelay, result.Detail);
            case EnrichmentStatus.Permanent:
                return await DisqualifyAsync(leadId, $"Enrichment from {lead.Source} failed: {result.Detail}", cancellationToken);
        }

        var errors = new Dictionary<string, string[]>();
        var draft = ContactNormalizer.Normalize(result.Draft!, errors);
        if (!draft.Contact.HasReachableChannel)
        {
            return await DisqualifyAsync(leadId, $"The {lead.Source} record has no valid e-mail address or phone number.", cancellationToken);
        }

        return await CompleteAsync(leadId, draft, cancellationToken);
    }

    private async Task<WorkOutcome> CompleteAsync(string leadId, LeadDraft enriched, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var willBeSalesReady = false;
        var written = await mutator.MutateAsync(leadId, lead =>
        {
            if (lead.Status != LeadStatus.Received)
            {
                return null;
            }

            var merged = Merge(lead, enriched);
            var (status, reason) = qualification.Qualify(enriched with { Score = merged.Score, IsTest = merged.IsTest });
            willBeSalesReady = status == LeadStatus.SalesReady;
            var change = LeadLifecycle.Transition(merged, status, now, "qualification", reason);
            var entry = new TimelineEntry(now, Actor, LeadEvents.Received, $"Completed from {lead.Source}.");
            return change with { Entries = [entry, .. change.Entries] };
        }, cancellationToken);

        if (written is null)
        {
            return WorkOutcome.Done("lead changed meanwhile");
        }

        // The hint the consumer names from the lead it reads: the status this write gave it, at this write's time.
        if (HandOffSafetyNet.Filed(written.Lead, intakeOptions.CurrentValue.SyncSafetyNetDelay) is { } hint)
        {
            await dueIndex.ScheduleAsync(hint, cancellationToken);
            await queue.EnqueueAsync(written.Lead.Status == LeadStatus.SalesReady ? QueueNames.LeadSync : QueueNames.LeadNurture, leadId, cancellationToken);
        }

        LogEnriched(logger, leadId, written.Lead.Status, willBeSalesReady);
        return WorkOutcome.Done($"enriched: {written.Lead.Status}");
    }

    private static Lead Merge(Lead lead, LeadDraft enriched)
    {
        var touch = lead.Touch ?? new MarketingTouch();
        var found = enriched.Touch ?? new MarketingTouch();
        return lead with
        {
            Contact = enriched.Contact,
            Score = enriched.Score ?? lead.Score,
            Campaign = lead.Campaign ?? enriched.Campaign,
            Consent = enriched.Consent ?? lead.Consent,
            Bant = enriched.Bant ?? lead.Bant,
            IsTest = lead.IsTest || enriched.IsTest,
            EnrichmentKey = null,
            Touch = touch with
            {
                OccurredAt = touch.OccurredAt ?? found.OccurredAt,
                CampaignId = touch.CampaignId ?? found.CampaignId,
                CampaignName = touch.CampaignName ?? found.CampaignName,
                FormId = touch.FormId ?? found.FormId,
                FormName = touch.FormName ?? found.FormName,
                PageUrl = touch.PageUrl ?? found.PageUrl,
                UtmSource = touch.UtmSource ?? found.UtmSource,
                UtmMedium = touch.UtmMedium ?? found.UtmMedium,
                UtmCampaign = touch.UtmCampaign ?? found.UtmCampaign,
                UtmTerm = touch.UtmTerm ?? found.UtmTerm,
                UtmContent = touch.UtmContent ?? found.UtmContent,
            },
        };
    }

    /// <summary>Says on the timeline why the lead stays Received; once per reason, not on every retry.</summary>
    private async Task NoteBlockedAsync(string leadId, string detail, CancellationToken cancellationToken)
    {
        var timeline = await store.GetTimelineAsync(leadId, cancellationToken);
        if (timeline.LastOrDefault(e => e.Event == LeadEvents.EnrichmentBlocked)?.Detail == detail)
        {
            return;
        }

        var entry = new TimelineEntry(timeProvider.GetUtcNow(), Actor, LeadEvents.EnrichmentBlocked, detail);
        await mutator.MutateAsync(leadId, lead => lead.Status == LeadStatus.Received ? new LeadChange(lead, [entry]) : null, cancellationToken);
    }

    private async Task<WorkOutcome> DisqualifyAsync(string leadId, string reason, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var written = await mutator.MutateAsync(leadId, lead =>
            lead.Status == LeadStatus.Received ? LeadLifecycle.Transition(lead with { EnrichmentKey = null }, LeadStatus.Disqualified, now, Actor, reason) : null,
            cancellationToken);
        LogDisqualified(logger, leadId);
        return WorkOutcome.Done(written is null ? "lead changed meanwhile" : "disqualified: " + reason);
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Enriched lead {LeadId}: {Status} (sales-ready: {SalesReady})")]
    private static partial void LogEnriched(ILogger logger, string leadId, LeadStatus status, bool salesReady);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Enriching lead {LeadId} from {Source} failed transiently: {Detail}")]
    private static partial void LogTransient(ILogger logger, string source, string leadId, string detail);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Lead {LeadId} disqualified: its vendor record could not be completed")]
    private static partial void LogDisqualified(ILogger logger, string leadId);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Error, Message = "No enricher is registered for source {Source}; lead {LeadId} stays Received")]
    private static partial void LogNoEnricher(ILogger logger, string source, string leadId);
}
