using System.Text;
using LeadSync.Core.Leads;
using LeadSync.Core.Qualification;
using LeadSync.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadSync.Core.Intake;

/// <summary>
/// The intake use case: authenticate, parse, qualify, store durably, then hand sales-ready leads to CRM sync.
/// Nothing is acknowledged before the lead is stored. A new delivery from the address of a recycled or nurtured lead
/// re-enters that lead (a new cycle, same history) instead of creating a second one.
/// </summary>
public sealed partial class WebhookIntake(
    IEnumerable<IWebhookSource> sources,
    ILeadStore leads,
    IDueIndex dueIndex,
    IWorkQueue queue,
    QualificationPolicy qualification,
    IOptions<IntakeOptions> options,
    TimeProvider timeProvider,
    ILogger<WebhookIntake> logger,
    ILeadEmailIndex? emailIndex = null)
{
    private readonly Dictionary<string, IWebhookSource> _sources =
        sources.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    private readonly LeadMutator _mutator = new(leads);

    public IWebhookSource? FindSource(string name) =>
        _sources.TryGetValue(name, out var source) && source.IsEnabled ? source : null;

    public async Task<IntakeResult> AcceptAsync(InboundWebhook webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var source = FindSource(webhook.Source);
        if (source is null)
        {
            return IntakeResult.Rejected(RejectionKind.UnknownSource, $"No enabled webhook source is named '{Truncate(webhook.Source)}'.");
        }

        if (webhook.Body.Length > options.Value.MaxBodyBytes)
        {
            return IntakeResult.Rejected(RejectionKind.PayloadTooLarge, $"The body exceeds {options.Value.MaxBodyBytes} bytes.");
        }

        if (!AcceptsMediaType(source, webhook.ContentType))
        {
            return IntakeResult.Rejected(RejectionKind.UnsupportedMediaType,
                $"This source accepts {string.Join(", ", source.AcceptedMediaTypes)}.");
        }

        if (source.Authenticate(webhook) is { } unauthenticated)
        {
            LogRejected(logger, source.Name, unauthenticated.Kind);
            return IntakeResult.Rejected(unauthenticated.Kind, unauthenticated.Detail);
        }

        var parsed = source.Parse(webhook);
        if (parsed.Rejection is { } rejection)
        {
            LogRejected(logger, source.Name, rejection.Kind);
            return IntakeResult.Rejected(rejection.Kind, rejection.Detail, rejection.Errors);
        }

        var accepted = new List<AcceptedLead>(parsed.Drafts.Count);
        try
        {
            foreach (var draft in parsed.Drafts)
            {
                accepted.Add(await StoreAsync(source.Name, draft, webhook, cancellationToken));
            }
        }
        catch (StorageUnavailableException)
        {
            LogStorageUnavailable(logger, source.Name);
            return IntakeResult.Rejected(RejectionKind.StorageUnavailable, "Storage is unavailable; the delivery was not accepted. Retry later.");
        }

        return IntakeResult.Accepted(accepted);
    }

    private async Task<AcceptedLead> StoreAsync(string sourceName, LeadDraft draft, InboundWebhook webhook, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var leadId = LeadIdFactory.FromDelivery(sourceName, draft.DeliveryKey);
        var (status, reason) = qualification.Qualify(draft);
        if (emailIndex is not null && draft.Contact.Email is { } email &&
            await ReEnterAsync(email, leadId, sourceName, status, reason, now, cancellationToken) is { } reEntered)
        {
            return reEntered;
        }

        var change = NewLeadChange(leadId, sourceName, draft, webhook, status, reason, now);
        if (status == LeadStatus.SalesReady)
        {
            // Intent first: if the process dies between storing and enqueueing, the safety net re-drives the sync.
            await dueIndex.ScheduleAsync(new DueItem(leadId, DueKind.Sync, now + options.Value.SyncSafetyNetDelay), cancellationToken);
        }

        var created = await leads.CreateAsync(change, cancellationToken);
        if (created.Lead.Status == LeadStatus.SalesReady)
        {
            // Also on a duplicate: a redelivery repairs a sync hand-off that an earlier attempt did not finish.
            await queue.EnqueueAsync(QueueNames.LeadSync, leadId, cancellationToken);
        }

        if (emailIndex is not null && draft.Contact.Email is { } address)
        {
            await emailIndex.AddAsync(address, leadId, leadId, cancellationToken);
        }

        LogAccepted(logger, sourceName, leadId, created.AlreadyExisted, created.Lead.Status);
        return new AcceptedLead(leadId, created.AlreadyExisted);
    }

    /// <summary>
    /// Files the delivery under the address's recycled or nurtured lead and moves that lead back to sales-ready;
    /// null when there is no such lead (the caller creates a new one). A redelivery finds its own entry first.
    /// </summary>
    private async Task<AcceptedLead?> ReEnterAsync(
        string email, string deliveryLeadId, string sourceName, LeadStatus qualified, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entries = await emailIndex!.FindAsync(email, cancellationToken);
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
                if (await leads.GetAsync(id, cancellationToken) is { Status: LeadStatus.Recycled or LeadStatus.Nurture } candidate &&
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

        // Intent first: the index entry makes a redelivery of this delivery find the same lead.
        await emailIndex.AddAsync(email, deliveryLeadId, target.Id, cancellationToken);
        if (qualified == LeadStatus.SalesReady && target.Status is LeadStatus.Recycled or LeadStatus.Nurture)
        {
            await dueIndex.ScheduleAsync(new DueItem(target.Id, DueKind.Sync, now + options.Value.SyncSafetyNetDelay), cancellationToken);
        }

        var written = await _mutator.MutateAsync(target.Id, l => DecideReEntry(l, sourceName, qualified, reason, now), cancellationToken);
        var current = written?.Lead ?? await leads.GetAsync(target.Id, cancellationToken) ?? target;
        if (current.Status == LeadStatus.SalesReady)
        {
            await queue.EnqueueAsync(QueueNames.LeadSync, current.Id, cancellationToken);
        }

        LogReEngaged(logger, sourceName, current.Id, written is not null, current.Status);
        return new AcceptedLead(current.Id, Duplicate: written is null && own is not null);
    }

    private static LeadChange? DecideReEntry(Lead lead, string sourceName, LeadStatus qualified, string reason, DateTimeOffset now)
    {
        if (lead.Status is not (LeadStatus.Recycled or LeadStatus.Nurture))
        {
            return null;
        }

        if (qualified != LeadStatus.SalesReady)
        {
            // Still below the sales-ready bar: the submission is recorded, the lead stays with marketing.
            return new LeadChange(lead, [new TimelineEntry(now, "intake", LeadEvents.MarketingTouch, $"New submission from {sourceName}: {reason}; stays in nurture.")]);
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
        };
        return new LeadChange(next, [engaged, .. change.Entries]);
    }

    private LeadChange NewLeadChange(string leadId, string sourceName, LeadDraft draft, InboundWebhook webhook, LeadStatus status, string reason, DateTimeOffset now)
    {
        var lead = new Lead
        {
            Id = leadId,
            Source = sourceName,
            DeliveryKey = draft.DeliveryKey,
            ReceivedAt = now,
            StatusChangedAt = now,
            Contact = draft.Contact,
            Score = draft.Score,
            Campaign = draft.Campaign,
            RawPayload = CapRawPayload(webhook.Body.Span),
        };
        var received = new TimelineEntry(now, "intake", LeadEvents.Received,
            $"Received from {sourceName}" + (draft.EventType is null ? "." : $" ({Truncate(draft.EventType)})."));
        var qualified = LeadLifecycle.Transition(lead, status, now, "qualification", reason);
        return new LeadChange(qualified.Lead, [received, .. qualified.Entries]);
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

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Storage unavailable while accepting a {Source} delivery; not acknowledged")]
    private static partial void LogStorageUnavailable(ILogger logger, string source);
}
