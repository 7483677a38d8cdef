namespace LeadSync.Core.Intake;

/// <summary>
/// Re-entry: a new delivery from the address of a recycled or nurtured lead re-enters that lead (a new cycle, same
/// history), and one from the address of an open lead received within the duplicate window becomes a marketing touch
/// on it, instead of a second lead being created.
/// </summary>
internal sealed class LeadReEntry(
    ILeadStore leads,
    IDueIndex dueIndex,
    IWorkQueue queue,
    ILeadEmailIndex emailIndex,
    ILeadAliases aliases,
    IOptions<IntakeOptions> options,
    ILogger logger)
{
    private readonly LeadMutator _mutator = new(leads);

    /// <summary>
    /// Files the delivery under the address's recycled or nurtured lead and moves that lead back to sales-ready;
    /// null when there is no such lead (the caller creates a new one). A redelivery finds its own entry first.
    /// </summary>
    public async Task<AcceptedLead?> ReEnterAsync(
        string email, IReadOnlyList<LeadEmailEntry> entries, string deliveryLeadId, string sourceName, LeadDraft draft, LeadStatus qualified, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var own = entries.FirstOrDefault(e => e.DeliveryLeadId == deliveryLeadId);
        if (own is not null && own.LeadId == deliveryLeadId)
        {
            // Filed as its own lead: a redelivery (a duplicate) — unless the lead was never stored. A first delivery's
            // claim records its entry before the lead is written; after a crash between the two, the delivery is filed
            // again like a new one, so a lead of the address filed meanwhile takes it as it would have without the claim.
            if (await leads.GetAsync(deliveryLeadId, cancellationToken) is not null)
            {
                return null;
            }

            own = null;
        }

        var target = own is not null
            ? await leads.GetAsync(own.LeadId, cancellationToken)
            : await LatestCandidateAsync(entries, deliveryLeadId, now, cancellationToken);
        if (target is null)
        {
            return null;
        }

        // Intent first: the index entry makes a redelivery of this delivery find the same lead, and the alias lets the
        // id the 202 named read back as the lead it was filed under.
        await Task.WhenAll(
            emailIndex.AddAsync(email, deliveryLeadId, target.Id, cancellationToken),
            aliases.AddAsync(deliveryLeadId, target.Id, cancellationToken));
        if (qualified == LeadStatus.SalesReady && target.Status is LeadStatus.Recycled or LeadStatus.Nurture)
        {
            await dueIndex.ScheduleAsync(HandOffSafetyNet.Sync(target.Id, now, options.Value.SyncSafetyNetDelay), cancellationToken);
        }

        var redelivery = own is not null;
        var written = await _mutator.MutateAsync(target.Id, l => DecideReEntry(l, sourceName, draft, qualified, reason, now, redelivery), cancellationToken);
        var current = written?.Lead ?? await leads.GetAsync(target.Id, cancellationToken) ?? target;
        // A touch on a lead already in the CRM goes through the sync queue too: its CRM touch record is written there.
        if (current.Status == LeadStatus.SalesReady || (written is not null && current.CrmId is not null))
        {
            await queue.EnqueueAsync(QueueNames.LeadSync, current.Id, cancellationToken);
        }

        IntakeLog.ReEngaged(logger, sourceName, current.Id, written is not null, current.Status);
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

    /// <summary>
    /// The newest lead of the address that takes the submission: a recycled or nurtured lead re-enters; an open lead
    /// received within the duplicate window takes it as a marketing touch instead of a second lead being created.
    /// </summary>
    private async Task<Lead?> LatestCandidateAsync(IReadOnlyList<LeadEmailEntry> entries, string deliveryLeadId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Lead? target = null;
        foreach (var id in entries.Select(e => e.LeadId).Where(id => id != deliveryLeadId).Distinct())
        {
            if (await leads.GetAsync(id, cancellationToken) is { } candidate &&
                (candidate.Status is LeadStatus.Recycled or LeadStatus.Nurture ||
                 (candidate.IsOpen && now - candidate.ReceivedAt <= options.Value.DuplicateWindow)) &&
                (target is null || candidate.ReceivedAt > target.ReceivedAt))
            {
                target = candidate;
            }
        }

        return target;
    }
}
