namespace LeadSync.Core.Intake;

/// <summary>
/// The intake use case, as the hosts see it. Its parts: <see cref="DeliveryCheck"/> (authenticate and parse, on the
/// request path), <see cref="LeadFiling"/> (qualify, store, then hand sales-ready leads to CRM sync, off the request
/// path, from the durable inbox), <see cref="LeadReEntry"/> (a delivery from the address of a recycled or nurtured lead
/// re-enters that lead instead of creating a second one) and <see cref="DeliveryQuarantine"/>.
/// </summary>
public sealed class WebhookIntake
{
    private readonly Dictionary<string, IWebhookSource> _sources;
    private readonly WebhookRedactor _redactor;
    private readonly TimeProvider _timeProvider;
    private readonly DeliveryQuarantine _quarantine;
    private readonly DeliveryCheck _check;
    private readonly LeadFiling _filing;

    public WebhookIntake(
        IEnumerable<IWebhookSource> sources,
        ILeadStore leads,
        IDueIndex dueIndex,
        IWorkQueue queue,
        QualificationPolicy qualification,
        IQuarantineStore quarantine,
        IOptions<IntakeOptions> options,
        TimeProvider timeProvider,
        ILogger<WebhookIntake> logger,
        ILeadEmailIndex emailIndex,
        ILeadAliases aliases,
        WebhookRedactor redactor)
    {
        _sources = sources.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        _redactor = redactor;
        _timeProvider = timeProvider;
        _quarantine = new DeliveryQuarantine(quarantine, redactor, timeProvider, logger);
        var parser = new DeliveryParser(_quarantine, logger);
        _check = new DeliveryCheck(FindSource, options, redactor, parser, logger);
        var reEntry = new LeadReEntry(leads, dueIndex, queue, emailIndex, aliases, options, logger);
        _filing = new LeadFiling(leads, dueIndex, queue, qualification, emailIndex, parser, reEntry, options, logger);
    }

    public IWebhookSource? FindSource(string name) =>
        _sources.TryGetValue(name, out var source) && source.IsEnabled ? source : null;

    /// <summary>
    /// The request-path half of intake: authenticates and parses the delivery, and quarantines an authentic one that
    /// cannot become a lead. Stores nothing else: an accepted delivery is written to the inbox by
    /// <see cref="Inbox.WebhookReceiver"/> and filed later by <see cref="FileAsync"/>.
    /// </summary>
    public Task<IntakeCheck> CheckAsync(InboundWebhook webhook, CancellationToken cancellationToken) =>
        _check.CheckAsync(webhook, cancellationToken);

    /// <summary>
    /// The filing half of intake, off the request path: stores the leads of an authenticated delivery (dedupe,
    /// re-entry, qualification, hand-off to CRM sync). Idempotent per delivery: filing it twice keeps one lead. A
    /// delivery the current mapping cannot turn into a lead is quarantined. <paramref name="receivedAt"/> (when the
    /// delivery arrived; default now) is the lead's received time, so its SLA clock starts when the buyer submitted,
    /// however long filing waited.
    /// </summary>
    public async Task<IntakeResult> FileAsync(InboundWebhook webhook, CancellationToken cancellationToken, DateTimeOffset? receivedAt = null)
    {
        webhook = _redactor.Redact(webhook);
        using var activity = LeadSyncTelemetry.Source.StartActivity("intake");
        activity?.SetTag("leadsync.source", webhook.Source);
        var source = FindSource(webhook.Source);
        var result = source is null
            ? await _quarantine.QuarantineAsync(webhook.Source, webhook, new Rejection(RejectionKind.UnknownSource,
                $"The source '{IntakeLog.Truncate(webhook.Source)}' was disabled after the delivery was accepted."), cancellationToken)
            : await _filing.ParseAndStoreAsync(source, webhook, quarantineRejections: true, receivedAt ?? _timeProvider.GetUtcNow(), cancellationToken);
        if (result.Rejection is { } refused)
        {
            activity?.SetTag("leadsync.rejection", refused.Kind.ToString());
        }
        else
        {
            activity?.SetTag("leadsync.lead_ids", string.Join(',', result.Leads.Select(l => l.LeadId)));
            LeadSyncTelemetry.LeadsAccepted.Add(result.Leads.Count(l => !l.Duplicate), new KeyValuePair<string, object?>("source", webhook.Source));
            LeadSyncTelemetry.DuplicateDeliveries.Add(result.Leads.Count(l => l.Duplicate), new KeyValuePair<string, object?>("source", webhook.Source));
        }

        return result;
    }

    /// <summary>Re-runs a quarantined (already authenticated) delivery through the source's current mapping.</summary>
    public async Task<IntakeResult> ReplayAsync(InboundWebhook webhook, CancellationToken cancellationToken)
    {
        webhook = _redactor.Redact(webhook);
        var source = FindSource(webhook.Source);
        return source is null
            ? IntakeResult.Rejected(RejectionKind.UnknownSource, $"No enabled webhook source is named '{IntakeLog.Truncate(webhook.Source)}'.")
            : await _filing.ParseAndStoreAsync(source, webhook, quarantineRejections: false, _timeProvider.GetUtcNow(), cancellationToken);
    }

    /// <summary>Quarantines an accepted delivery that could not be filed, with <paramref name="reason"/>, for an admin to replay.</summary>
    public async Task QuarantineUnfiledAsync(InboundWebhook webhook, string reason, CancellationToken cancellationToken)
    {
        var result = await _quarantine.QuarantineAsync(webhook.Source, webhook, new Rejection(RejectionKind.Unprocessable, reason), cancellationToken);
        if (result.Rejection?.Kind == RejectionKind.StorageUnavailable)
        {
            throw new StorageUnavailableException("The quarantine could not be written.");
        }
    }
}
