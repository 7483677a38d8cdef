using System.Text;
using LeadSync.Core.Intake.Quarantine;
using LeadSync.Core.Intake.Redaction;
using LeadSync.Core.Leads;
using LeadSync.Core.Qualification;
using LeadSync.Core.Storage;
using LeadSync.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadSync.Core.Intake;

/// <summary>
/// The intake use case in two halves: <see cref="CheckAsync"/> (authenticate and parse, on the request path) and
/// <see cref="FileAsync"/> (qualify, store, then hand sales-ready leads to CRM sync, off the request path, from the
/// durable inbox). A new delivery from the address of a recycled or nurtured lead
/// re-enters that lead (a new cycle, same history) instead of creating a second one.
/// </summary>
public sealed partial class WebhookIntake(
    IEnumerable<IWebhookSource> sources,
    ILeadStore leads,
    IDueIndex dueIndex,
    IWorkQueue queue,
    QualificationPolicy qualification,
    IQuarantineStore quarantine,
    IOptions<IntakeOptions> options,
    TimeProvider timeProvider,
    ILogger<WebhookIntake> logger,
    ILeadEmailIndex? emailIndex = null,
    ILeadAliases? aliases = null,
    WebhookRedactor? redactor = null)
{
    private readonly WebhookRedactor _redactor = redactor ?? new WebhookRedactor();

    private readonly Dictionary<string, IWebhookSource> _sources =
        sources.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    private readonly LeadMutator _mutator = new(leads);

    public IWebhookSource? FindSource(string name) =>
        _sources.TryGetValue(name, out var source) && source.IsEnabled ? source : null;

    /// <summary>
    /// The request-path half of intake: authenticates and parses the delivery, and quarantines an authentic one that
    /// cannot become a lead. Stores nothing else: an accepted delivery is written to the inbox by
    /// <see cref="Inbox.WebhookReceiver"/> and filed later by <see cref="FileAsync"/>.
    /// </summary>
    public async Task<IntakeCheck> CheckAsync(InboundWebhook webhook, CancellationToken cancellationToken)
    {
        var check = await CheckCoreAsync(webhook, cancellationToken);
        if (check.Rejection is { } refused)
        {
            LeadSyncTelemetry.Rejections.Add(1, new KeyValuePair<string, object?>("reason", refused.Kind.ToString()));
        }

        return check;
    }

    private async Task<IntakeCheck> CheckCoreAsync(InboundWebhook webhook, CancellationToken cancellationToken)
    {
        var source = FindSource(webhook.Source);
        if (source is null)
        {
            return IntakeCheck.Rejected(RejectionKind.UnknownSource, $"No enabled webhook source is named '{Truncate(webhook.Source)}'.");
        }

        if (webhook.Body.Length > options.Value.MaxBodyBytes)
        {
            return IntakeCheck.Rejected(RejectionKind.PayloadTooLarge, $"The body exceeds {options.Value.MaxBodyBytes} bytes.");
        }

        if (!AcceptsMediaType(source, webhook.ContentType))
        {
            return IntakeCheck.Rejected(RejectionKind.UnsupportedMediaType,
                $"This source accepts {string.Join(", ", source.AcceptedMediaTypes)}.");
        }

        if (source.Authenticate(webhook) is { } unauthenticated)
        {
            LogRejected(logger, source.Name, unauthenticated.Kind);
            return IntakeCheck.Rejected(unauthenticated.Kind, unauthenticated.Detail);
        }

        // Authenticated: from here on only the delivery without its credentials is used (and possibly quarantined).
        webhook = _redactor.Redact(webhook);

        // Only an authentic payload that cannot become a lead is quarantined; malformed input is simply refused.
        var (drafts, refused) = await ParseAsync(source, webhook, kind => kind == RejectionKind.Unprocessable, cancellationToken);
        if (refused?.Rejection is { } rejection)
        {
            return IntakeCheck.Rejected(rejection.Kind, rejection.Detail, rejection.Errors);
        }

        return IntakeCheck.Passes([.. drafts.Select(d => LeadIdFactory.FromDelivery(source.Name, d.IsErasure ? d.EraseDeliveryKey! : d.DeliveryKey))]);
    }

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
            ? await QuarantineAsync(webhook.Source, webhook, new Rejection(RejectionKind.UnknownSource,
                $"The source '{Truncate(webhook.Source)}' was disabled after the delivery was accepted."), cancellationToken)
            : await ParseAndStoreAsync(source, webhook, quarantineRejections: true, receivedAt ?? timeProvider.GetUtcNow(), cancellationToken);
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
            ? IntakeResult.Rejected(RejectionKind.UnknownSource, $"No enabled webhook source is named '{Truncate(webhook.Source)}'.")
            : await ParseAndStoreAsync(source, webhook, quarantineRejections: false, timeProvider.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Parses and stores. With <paramref name="quarantineRejections"/> (filing an accepted delivery) every rejection
    /// is quarantined: the sender was already told 202, so the delivery must stay where an admin can replay it.
    /// </summary>
    private async Task<IntakeResult> ParseAndStoreAsync(
        IWebhookSource source, InboundWebhook webhook, bool quarantineRejections, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (drafts, refused) = await ParseAsync(source, webhook, _ => quarantineRejections, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var accepted = new List<AcceptedLead>(drafts.Count);
        try
        {
            foreach (var draft in drafts.Select(DraftBounds.Apply))
            {
                accepted.Add(draft.IsErasure
                    ? await RequestErasureAsync(source.Name, draft, cancellationToken)
                    : await StoreAsync(source.Name, draft, webhook, now, cancellationToken));
            }
        }
        catch (StorageUnavailableException)
        {
            LogStorageUnavailable(logger, source.Name);
            return IntakeResult.Rejected(RejectionKind.StorageUnavailable, Rejection.StorageUnavailableDetail);
        }

        return IntakeResult.Accepted(accepted);
    }

    /// <summary>
    /// Parses the delivery and bounds its keys. A rejection is quarantined when <paramref name="quarantines"/> says so
    /// for its kind (the answer then names the quarantine id), else returned as it is; either way no drafts.
    /// </summary>
    private async Task<(IReadOnlyList<LeadDraft> Drafts, IntakeResult? Refused)> ParseAsync(
        IWebhookSource source, InboundWebhook webhook, Func<RejectionKind, bool> quarantines, CancellationToken cancellationToken)
    {
        var parsed = source.Parse(webhook);
        if ((parsed.Rejection ?? OverlongKeys(parsed.Drafts)) is not { } rejection)
        {
            return (parsed.Drafts, null);
        }

        LogRejected(logger, source.Name, rejection.Kind);
        return ([], quarantines(rejection.Kind)
            ? await QuarantineAsync(source.Name, webhook, rejection, cancellationToken)
            : IntakeResult.Rejected(rejection.Kind, rejection.Detail, rejection.Errors));
    }

    /// <summary>Quarantines an accepted delivery that could not be filed, with <paramref name="reason"/>, for an admin to replay.</summary>
    public async Task QuarantineUnfiledAsync(InboundWebhook webhook, string reason, CancellationToken cancellationToken)
    {
        var result = await QuarantineAsync(webhook.Source, webhook, new Rejection(RejectionKind.Unprocessable, reason), cancellationToken);
        if (result.Rejection?.Kind == RejectionKind.StorageUnavailable)
        {
            throw new StorageUnavailableException("The quarantine could not be written.");
        }
    }

    private static Rejection? OverlongKeys(IEnumerable<LeadDraft> drafts) =>
        drafts.Select(DraftBounds.KeyErrors).FirstOrDefault(e => e.Count > 0) is { } errors
            ? new Rejection(RejectionKind.Unprocessable, "The payload cannot become a lead.", errors)
            : null;

    private async Task<IntakeResult> QuarantineAsync(string sourceName, InboundWebhook webhook, Rejection rejection, CancellationToken cancellationToken)
    {
        webhook = _redactor.Redact(webhook);
        var now = timeProvider.GetUtcNow();
        var id = $"q_{now.UtcTicks:D19}_{Guid.NewGuid():N}"[..32];
        try
        {
            await quarantine.AddAsync(new QuarantineItem
            {
                Id = id,
                Source = sourceName,
                ReceivedAt = now,
                Reason = rejection.Detail,
                Errors = rejection.Errors ?? new Dictionary<string, string[]>(),
                ContentType = webhook.ContentType,
                RequestUri = webhook.RequestUri,
                Body = webhook.Body.ToArray(),
                Headers = webhook.Headers,
            }, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            LogStorageUnavailable(logger, sourceName);
            return IntakeResult.Rejected(RejectionKind.StorageUnavailable, Rejection.StorageUnavailableDetail);
        }

        var errors = new Dictionary<string, string[]>(rejection.Errors ?? new Dictionary<string, string[]>()) { ["quarantineId"] = [id] };
        return IntakeResult.Rejected(RejectionKind.Unprocessable, rejection.Detail + $" It was quarantined as {id}; an admin can replay it once the mapping is fixed.", errors);
    }

    private async Task<AcceptedLead> StoreAsync(string sourceName, LeadDraft draft, InboundWebhook webhook, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (draft.NeedsEnrichment)
        {
            return await StoreForEnrichmentAsync(sourceName, draft, webhook, now, cancellationToken);
        }

        var leadId = LeadIdFactory.FromDelivery(sourceName, draft.DeliveryKey);
        var (status, reason) = qualification.Qualify(draft);
        var email = emailIndex is null ? null : draft.Contact.Email;

        // The address lookup and the sync intent are independent storage calls: they run side by side. Intent first:
        // if the process dies between storing and enqueueing, the safety net re-drives the sync (a hint whose lead
        // is never created, because the delivery re-entered an existing lead, is dropped by the re-drive job).
        var lookup = email is null ? Task.FromResult<IReadOnlyList<LeadEmailEntry>>([]) : emailIndex!.FindAsync(email, cancellationToken);
        var intent = status == LeadStatus.SalesReady
            ? dueIndex.ScheduleAsync(new DueItem(leadId, DueKind.Sync, now + options.Value.SyncSafetyNetDelay), cancellationToken)
            : Task.CompletedTask;
        await Task.WhenAll(lookup, intent);
        if (email is not null &&
            await ReEnterAsync(email, await lookup, leadId, sourceName, draft, status, reason, now, cancellationToken) is { } reEntered)
        {
            return reEntered;
        }

        var created = await leads.CreateAsync(NewLeadChange(leadId, sourceName, draft, webhook, status, reason, now), cancellationToken);

        // Also on a duplicate: a redelivery repairs a sync hand-off that an earlier attempt did not finish.
        var handOff = created.Lead.Status == LeadStatus.SalesReady
            ? queue.EnqueueAsync(QueueNames.LeadSync, leadId, cancellationToken)
            : Task.CompletedTask;
        var indexed = email is null ? Task.CompletedTask : emailIndex!.AddAsync(email, leadId, leadId, cancellationToken);
        await Task.WhenAll(handOff, indexed);

        LogAccepted(logger, sourceName, leadId, created.AlreadyExisted, created.Lead.Status);
        return new AcceptedLead(leadId, created.AlreadyExisted);
    }

    /// <summary>
    /// An id-only delivery: stored as Received (acknowledged even while the vendor API is down) and completed by
    /// LeadEnrichment off the request path.
    /// </summary>
    private async Task<AcceptedLead> StoreForEnrichmentAsync(string sourceName, LeadDraft draft, InboundWebhook webhook, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leadId = LeadIdFactory.FromDelivery(sourceName, draft.DeliveryKey);
        await dueIndex.ScheduleAsync(new DueItem(leadId, DueKind.Enrich, now + options.Value.EnrichmentSafetyNetDelay), cancellationToken);
        var lead = NewLead(leadId, sourceName, draft, webhook, now);
        var received = new TimelineEntry(now, "intake", LeadEvents.Received, ReceivedDetail(sourceName, draft) + " Details to be read from the vendor.");
        var created = await leads.CreateAsync(new LeadChange(lead, [received, .. TouchEntries(draft, now)]), cancellationToken);
        if (created.Lead.Status == LeadStatus.Received)
        {
            await queue.EnqueueAsync(QueueNames.LeadEnrich, leadId, cancellationToken);
        }

        LogAccepted(logger, sourceName, leadId, created.AlreadyExisted, created.Lead.Status);
        return new AcceptedLead(leadId, created.AlreadyExisted);
    }

    /// <summary>An erasure request (e.g. LinkedIn DELETED) is queued durably; the answer names the lead it targets.</summary>
    private async Task<AcceptedLead> RequestErasureAsync(string sourceName, LeadDraft draft, CancellationToken cancellationToken)
    {
        var target = LeadIdFactory.FromDelivery(sourceName, draft.EraseDeliveryKey!);
        await queue.EnqueueAsync(QueueNames.LeadErase, target, cancellationToken);
        LogErasureRequested(logger, sourceName, target);
        return new AcceptedLead(target, Duplicate: false);
    }

    private Lead NewLead(string leadId, string sourceName, LeadDraft draft, InboundWebhook webhook, DateTimeOffset now) => new()
    {
        Id = leadId,
        Source = sourceName,
        DeliveryKey = draft.DeliveryKey,
        ReceivedAt = now,
        StatusChangedAt = now,
        Contact = draft.Contact,
        Score = draft.Score,
        Campaign = draft.Campaign,
        IsTest = draft.IsTest,
        Consent = draft.Consent,
        Bant = draft.Bant,
        Touch = draft.Touch,
        EnrichmentKey = draft.EnrichmentKey,
        RawPayload = CapRawPayload(webhook.Body.Span),
    };

    private static string ReceivedDetail(string sourceName, LeadDraft draft) =>
        $"Received from {sourceName}" + (draft.EventType is null ? "." : $" ({Truncate(draft.EventType)}).") + (draft.IsTest ? " Test lead." : string.Empty);

    private static IEnumerable<TimelineEntry> TouchEntries(LeadDraft draft, DateTimeOffset now) =>
        draft.Touch is { IsEmpty: false } touch ? [new TimelineEntry(now, "intake", LeadEvents.MarketingTouch, touch.Describe())] : [];

    /// <summary>
    /// Files the delivery under the address's recycled or nurtured lead and moves that lead back to sales-ready;
    /// null when there is no such lead (the caller creates a new one). A redelivery finds its own entry first.
    /// </summary>
    private async Task<AcceptedLead?> ReEnterAsync(
        string email, IReadOnlyList<LeadEmailEntry> entries, string deliveryLeadId, string sourceName, LeadDraft draft, LeadStatus qualified, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var own = entries.FirstOrDefault(e => e.DeliveryLeadId == deliveryLeadId);
        if (own is not null && own.LeadId == deliveryLeadId)
        {
            return null;
        }

        Lead? target = null;
        if (own is not null)
        {
            target = await leads.GetAsync(own.LeadId, cancellationToken);
        }
        else
        {
            foreach (var id in entries.Select(e => e.LeadId).Where(id => id != deliveryLeadId).Distinct())
            {
                // A recycled or nurtured lead re-enters; an open lead received within the duplicate window takes the
                // submission as a marketing touch instead of a second lead being created.
                if (await leads.GetAsync(id, cancellationToken) is { } candidate &&
                    (candidate.Status is LeadStatus.Recycled or LeadStatus.Nurture ||
                     (candidate.IsOpen && now - candidate.ReceivedAt <= options.Value.DuplicateWindow)) &&
                    (target is null || candidate.ReceivedAt > target.ReceivedAt))
                {
                    target = candidate;
                }
            }
        }

        if (target is null)
        {
            return null;
        }

        // Intent first: the index entry makes a redelivery of this delivery find the same lead, and the alias lets the
        // id the 202 named read back as the lead it was filed under.
        await Task.WhenAll(
            emailIndex!.AddAsync(email, deliveryLeadId, target.Id, cancellationToken),
            aliases?.AddAsync(deliveryLeadId, target.Id, cancellationToken) ?? Task.CompletedTask);
        if (qualified == LeadStatus.SalesReady && target.Status is LeadStatus.Recycled or LeadStatus.Nurture)
        {
            await dueIndex.ScheduleAsync(new DueItem(target.Id, DueKind.Sync, now + options.Value.SyncSafetyNetDelay), cancellationToken);
        }

        var redelivery = own is not null;
        var written = await _mutator.MutateAsync(target.Id, l => DecideReEntry(l, sourceName, draft, qualified, reason, now, redelivery), cancellationToken);
        var current = written?.Lead ?? await leads.GetAsync(target.Id, cancellationToken) ?? target;
        // A touch on a lead already in the CRM goes through the sync queue too: its CRM touch record is written there.
        if (current.Status == LeadStatus.SalesReady || (written is not null && current.CrmId is not null))
        {
            await queue.EnqueueAsync(QueueNames.LeadSync, current.Id, cancellationToken);
        }

        LogReEngaged(logger, sourceName, current.Id, written is not null, current.Status);
        return new AcceptedLead(current.Id, Duplicate: written is null && own is not null);
    }

    /// <summary>
    /// The new submission is appended as a marketing touch (what the vendor said: event, campaign, form, page, UTM,
    /// time) and counted on the lead; a re-engagement also starts the new cycle under the new touch's campaign.
    /// </summary>
    internal static LeadChange? DecideReEntry(Lead lead, string sourceName, LeadDraft draft, LeadStatus qualified, string reason, DateTimeOffset now, bool redelivery)
    {
        var touch = draft.Touch ?? new MarketingTouch();
        if (lead.IsOpen)
        {
            return redelivery ? null : new LeadChange(lead with { AdditionalTouches = lead.AdditionalTouches + 1 }, [new TimelineEntry(now, "intake", LeadEvents.MarketingTouch,
                $"{touch.Describe()} New submission from {sourceName} while the lead is open ({lead.Status}); attached here instead of a second lead.")]);
        }

        if (lead.Status is not (LeadStatus.Recycled or LeadStatus.Nurture))
        {
            return null;
        }

        if (qualified != LeadStatus.SalesReady)
        {
            // Still below the sales-ready bar: the submission is recorded, the lead stays with marketing.
            return new LeadChange(lead with { AdditionalTouches = lead.AdditionalTouches + 1 }, [new TimelineEntry(now, "intake", LeadEvents.MarketingTouch,
                $"{touch.Describe()} New submission from {sourceName}: {reason}; stays in nurture.")]);
        }

        var engaged = new TimelineEntry(now, "intake", LeadEvents.ReEngaged,
            $"New submission from {sourceName} after {lead.Status.ToString().ToLowerInvariant()} (re-engagement {lead.ReEngagedCount + 1}); a new cycle starts.");
        var change = LeadLifecycle.Transition(lead, LeadStatus.SalesReady, now, "qualification", reason);
        var next = change.Lead with
        {
            ReEngagedCount = lead.ReEngagedCount + 1,
            FirstReceivedAt = lead.FirstReceivedAt ?? lead.ReceivedAt,
            ReceivedAt = now,
            SyncedAt = null,
            SyncAttempts = 0,
            SlaDueAt = null,
            EscalationLevel = 0,
            FirstTouchAt = null,
            BusinessMinutesToFirstTouch = null,
            SlaMet = null,
            BreachMarkedAt = null,
            AcknowledgedBy = null,
            AcknowledgedAt = null,
            LadderPausedUntil = null,
            FollowUpMissed = false,
            ContactAttempts = 0,
            CadenceOutcomes = null,
            LastAttemptAt = null,
            NativeAttempts = null,
        };
        var touched = new TimelineEntry(now, "intake", LeadEvents.MarketingTouch, $"{touch.Describe()} New submission from {sourceName}.");
        next = next with
        {
            AdditionalTouches = lead.AdditionalTouches + 1,
            Touch = touch.IsEmpty ? lead.Touch : touch,
            Campaign = draft.Campaign ?? lead.Campaign,
        };
        return new LeadChange(next, [touched, engaged, .. change.Entries]);
    }

    private LeadChange NewLeadChange(string leadId, string sourceName, LeadDraft draft, InboundWebhook webhook, LeadStatus status, string reason, DateTimeOffset now)
    {
        var lead = NewLead(leadId, sourceName, draft, webhook, now);
        var received = new TimelineEntry(now, "intake", LeadEvents.Received, ReceivedDetail(sourceName, draft));
        var qualified = LeadLifecycle.Transition(lead, status, now, "qualification", reason);
        return new LeadChange(qualified.Lead, [received, .. TouchEntries(draft, now), .. qualified.Entries]);
    }

    private string CapRawPayload(ReadOnlySpan<byte> body)
    {
        var cap = options.Value.RawPayloadCapBytes;
        var text = Encoding.UTF8.GetString(body.Length > cap ? body[..cap] : body);
        return text;
    }

    private static bool AcceptsMediaType(IWebhookSource source, string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return source.AcceptedMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);
    }

    private static string Truncate(string value) => value.Length <= 64 ? value : value[..64];

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Accepted {Source} delivery as lead {LeadId} (duplicate: {Duplicate}, status {Status})")]
    private static partial void LogAccepted(ILogger logger, string source, string leadId, bool duplicate, LeadStatus status);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "{Source} delivery re-entered lead {LeadId} (changed: {Changed}, status {Status})")]
    private static partial void LogReEngaged(ILogger logger, string source, string leadId, bool changed, LeadStatus status);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Rejected {Source} delivery: {Kind}")]
    private static partial void LogRejected(ILogger logger, string source, RejectionKind kind);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "{Source} asked to erase lead {LeadId}; erasure queued")]
    private static partial void LogErasureRequested(ILogger logger, string source, string leadId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Storage unavailable while accepting a {Source} delivery; not acknowledged")]
    private static partial void LogStorageUnavailable(ILogger logger, string source);
}
