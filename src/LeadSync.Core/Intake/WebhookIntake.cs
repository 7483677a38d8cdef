using System.Text;
using LeadSync.Core.Leads;
using LeadSync.Core.Qualification;
using LeadSync.Core.Storage;
using LeadSync.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadSync.Core.Intake;

/// <summary>
/// The intake use case: authenticate, parse, qualify, store durably, then hand sales-ready leads to CRM sync.
/// Nothing is acknowledged before the lead is stored.
/// </summary>
public sealed partial class WebhookIntake(
    IEnumerable<IWebhookSource> sources,
    ILeadStore leads,
    IDueIndex dueIndex,
    IWorkQueue queue,
    QualificationPolicy qualification,
    IOptions<IntakeOptions> options,
    TimeProvider timeProvider,
    ILogger<WebhookIntake> logger)
{
    private readonly Dictionary<string, IWebhookSource> _sources =
        sources.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    public IWebhookSource? FindSource(string name) =>
        _sources.TryGetValue(name, out var source) && source.IsEnabled ? source : null;

    public async Task<IntakeResult> AcceptAsync(InboundWebhook webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        using var activity = LeadSyncTelemetry.Source.StartActivity("intake");
        activity?.SetTag("leadsync.source", webhook.Source);
        var result = await AcceptCoreAsync(webhook, cancellationToken);
        if (result.Rejection is { } refused)
        {
            activity?.SetTag("leadsync.rejection", refused.Kind.ToString());
            LeadSyncTelemetry.Rejections.Add(1, new KeyValuePair<string, object?>("reason", refused.Kind.ToString()));
        }
        else
        {
            activity?.SetTag("leadsync.lead_ids", string.Join(',', result.Leads.Select(l => l.LeadId)));
            LeadSyncTelemetry.LeadsAccepted.Add(result.Leads.Count(l => !l.Duplicate), new KeyValuePair<string, object?>("source", webhook.Source));
            LeadSyncTelemetry.DuplicateDeliveries.Add(result.Leads.Count(l => l.Duplicate), new KeyValuePair<string, object?>("source", webhook.Source));
        }

        return result;
    }

    private async Task<IntakeResult> AcceptCoreAsync(InboundWebhook webhook, CancellationToken cancellationToken)
    {
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

        LogAccepted(logger, sourceName, leadId, created.AlreadyExisted, created.Lead.Status);
        return new AcceptedLead(leadId, created.AlreadyExisted);
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

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Rejected {Source} delivery: {Kind}")]
    private static partial void LogRejected(ILogger logger, string source, RejectionKind kind);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Storage unavailable while accepting a {Source} delivery; not acknowledged")]
    private static partial void LogStorageUnavailable(ILogger logger, string source);
}
