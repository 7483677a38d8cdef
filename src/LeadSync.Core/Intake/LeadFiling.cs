namespace LeadSync.Core.Intake;

/// <summary>
/// The filing part of intake, off the request path: stores the leads of an authenticated delivery (dedupe, re-entry
/// through <see cref="LeadReEntry"/>, qualification, hand-off to CRM sync or enrichment, erasure requests).
/// </summary>
internal sealed class LeadFiling(
    ILeadStore leads,
    IDueIndex dueIndex,
    IWorkQueue queue,
    QualificationPolicy qualification,
    ILeadEmailIndex emailIndex,
    DeliveryParser parser,
    LeadReEntry reEntry,
    IOptions<IntakeOptions> options,
    ILogger logger)
{
    /// <summary>
    /// Parses and stores. With <paramref name="quarantineRejections"/> (filing an accepted delivery) every rejection
    /// is quarantined: the sender was already told 202, so the delivery must stay where an admin can replay it.
    /// </summary>
    public async Task<IntakeResult> ParseAndStoreAsync(
        IWebhookSource source, InboundWebhook webhook, bool quarantineRejections, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (drafts, refused) = await parser.ParseAsync(source, webhook, _ => quarantineRejections, cancellationToken);
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
            IntakeLog.StorageUnavailable(logger, source.Name);
            return IntakeResult.Rejected(RejectionKind.StorageUnavailable, Rejection.StorageUnavailableDetail);
        }

        return IntakeResult.Accepted(accepted);
    }

    private async Task<AcceptedLead> StoreAsync(string sourceName, LeadDraft draft, InboundWebhook webhook, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (draft.NeedsEnrichment)
        {
            return await StoreForEnrichmentAsync(sourceName, draft, webhook, now, cancellationToken);
        }

        var leadId = LeadIdFactory.FromDelivery(sourceName, draft.DeliveryKey);
        var (status, reason) = qualification.Qualify(draft);
        var email = draft.Contact.Email;

        // The address claim and the hand-off intent are independent storage calls: they run side by side. Intent first:
        // if the process dies between storing and enqueueing, the safety net re-drives the hand-off (a hint whose lead
        // is never created, because the delivery re-entered an existing lead, is dropped by the re-drive job). The
        // lead is received at `now`, so the consumer that completes the hand-off can name the hint and remove it.
        // An address never seen before is claimed in one call, which also records this delivery's index entry; a
        // known address (or a concurrent first delivery that won the claim) is looked up for re-entry as before.
        var claim = email is null ? Task.FromResult(false) : emailIndex.TryClaimAsync(email, leadId, cancellationToken);
        var intent = HandOffSafetyNet.For(leadId, status, now, options.Value.SyncSafetyNetDelay) is { } hint
            ? dueIndex.ScheduleAsync(hint, cancellationToken)
            : Task.CompletedTask;
        await Task.WhenAll(claim, intent);
        var firstOfAddress = await claim;
        if (email is not null && !firstOfAddress &&
            await reEntry.ReEnterAsync(email, await emailIndex.FindAsync(email, cancellationToken), leadId, sourceName, draft, status, reason, now, cancellationToken) is { } reEntered)
        {
            return reEntered;
        }

        var created = await leads.CreateAsync(NewLeadChange(leadId, sourceName, draft, webhook, status, reason, now), cancellationToken);

        // Also on a duplicate: a redelivery repairs a sync hand-off that an earlier attempt did not finish.
        var handOff = created.Lead.Status switch
        {
            LeadStatus.SalesReady => queue.EnqueueAsync(QueueNames.LeadSync, leadId, cancellationToken),
            LeadStatus.Nurture when created.Lead.NurturePushedAt is null => queue.EnqueueAsync(QueueNames.LeadNurture, leadId, cancellationToken),
            _ => Task.CompletedTask,
        };
        var indexed = email is null || firstOfAddress ? Task.CompletedTask : emailIndex.AddAsync(email, leadId, leadId, cancellationToken);
        await Task.WhenAll(handOff, indexed);

        IntakeLog.Accepted(logger, sourceName, leadId, created.AlreadyExisted, created.Lead.Status);
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

        IntakeLog.Accepted(logger, sourceName, leadId, created.AlreadyExisted, created.Lead.Status);
        return new AcceptedLead(leadId, created.AlreadyExisted);
    }

    /// <summary>An erasure request (e.g. LinkedIn DELETED) is queued durably; the answer names the lead it targets.</summary>
    private async Task<AcceptedLead> RequestErasureAsync(string sourceName, LeadDraft draft, CancellationToken cancellationToken)
    {
        var target = LeadIdFactory.FromDelivery(sourceName, draft.EraseDeliveryKey!);
        await queue.EnqueueAsync(QueueNames.LeadErase, target, cancellationToken);
        IntakeLog.ErasureRequested(logger, sourceName, target);
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

    private LeadChange NewLeadChange(string leadId, string sourceName, LeadDraft draft, InboundWebhook webhook, LeadStatus status, string reason, DateTimeOffset now)
    {
        var lead = NewLead(leadId, sourceName, draft, webhook, now);
        var received = new TimelineEntry(now, "intake", LeadEvents.Received, ReceivedDetail(sourceName, draft));
        var qualified = LeadLifecycle.Transition(lead, status, now, "qualification", reason);
        return new LeadChange(qualified.Lead, [received, .. TouchEntries(draft, now), .. qualified.Entries]);
    }

    private static string ReceivedDetail(string sourceName, LeadDraft draft) =>
        $"Received from {sourceName}" + (draft.EventType is null ? "." : $" ({IntakeLog.Truncate(draft.EventType)}).") + (draft.IsTest ? " Test lead." : string.Empty);

    private static IEnumerable<TimelineEntry> TouchEntries(LeadDraft draft, DateTimeOffset now) =>
        draft.Touch is { IsEmpty: false } touch ? [new TimelineEntry(now, "intake", LeadEvents.MarketingTouch, touch.Describe())] : [];

    private string CapRawPayload(ReadOnlySpan<byte> body)
    {
        var cap = options.Value.RawPayloadCapBytes;
        return Encoding.UTF8.GetString(body.Length > cap ? body[..cap] : body);
    }
}
