namespace LeadSync.Core.Intake.HubSpot;

/// <summary>
/// HubSpot: the Webhooks API (a JSON array of id-only events, completed later by reading the contact) and the
/// workflow "Send a webhook" action (one object with the contact's properties). Signed with v3, or v1/v2 when allowed.
/// </summary>
public sealed class HubSpotWebhookSource(IOptionsMonitor<HubSpotSourceOptions> options, HubSpotSignature signature) : WebhookSource(SourceName, "application/json")
{
    public const string SourceName = "hubspot";
    public const string WorkflowEvent = "workflow.webhook";
    private const int MaxEvents = 1000;

    protected override string? Secret => options.CurrentValue.ClientSecret;

    public override Rejection? Authenticate(InboundWebhook webhook)
    {
        var settings = options.CurrentValue;
        var secret = settings.ClientSecret ?? string.Empty;
        var check = signature.VerifyV3(webhook, secret, settings.Tolerance);
        if (check == SignatureCheck.Missing && settings.AllowLegacySignatures)
        {
            check = HubSpotSignature.VerifyLegacy(webhook, secret);
        }

        return check switch
        {
            SignatureCheck.Valid => null,
            SignatureCheck.Missing => new Rejection(RejectionKind.Unauthenticated, settings.AllowLegacySignatures
                ? "An X-HubSpot-Signature-v3 (with X-HubSpot-Request-Timestamp) or X-HubSpot-Signature header is required."
                : "The X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp headers are required."),
            SignatureCheck.Stale => new Rejection(RejectionKind.Unauthenticated, "The X-HubSpot-Request-Timestamp is outside the accepted tolerance."),
            SignatureCheck.Malformed => new Rejection(RejectionKind.Unauthenticated, "The HubSpot signature headers are malformed."),
            _ => new Rejection(RejectionKind.Unauthenticated, "The HubSpot signature does not match."),
        };
    }

    public override ParseResult Parse(InboundWebhook webhook)
    {
        using var document = JsonPayload.TryParse(webhook.Body);
        if (document is null)
        {
            return DraftChecks.Malformed("JSON");
        }

        return document.RootElement.ValueKind switch
        {
            JsonValueKind.Array => ParseEvents(document.RootElement),
            JsonValueKind.Object => ParseWorkflow(document.RootElement, webhook.Body.Span),
            _ => ParseResult.Fail(RejectionKind.Unprocessable, "A HubSpot payload is an array of events or a workflow object."),
        };
    }

    private ParseResult ParseEvents(JsonElement events)
    {
        if (events.GetArrayLength() > MaxEvents)
        {
            return ParseResult.Fail(RejectionKind.Unprocessable, $"A HubSpot batch holds at most {MaxEvents} events.");
        }

        var settings = options.CurrentValue;
        var drafts = new List<LeadDraft>();
        var errors = new Dictionary<string, string[]>();
        var index = -1;
        foreach (var item in events.EnumerateArray())
        {
            index++;
            var eventType = JsonPayload.Text(item, "eventType") ?? JsonPayload.Text(item, "subscriptionType");
            if (eventType is null || !CreatesLead(settings, eventType, item))
            {
                continue;
            }

            var objectId = JsonPayload.Text(item, "objectId");
            var eventId = JsonPayload.Text(item, "eventId");
            if (string.IsNullOrEmpty(objectId) || string.IsNullOrEmpty(eventId))
            {
                errors[$"[{index}]"] = ["A lead event needs 'objectId' and 'eventId'."];
                continue;
            }

            var occurredAt = JsonPayload.Text(item, "occurredAt");

            // eventId alone is not guaranteed unique: key on the whole identity of the event.
            var key = string.Join(':', JsonPayload.Text(item, "portalId"), JsonPayload.Text(item, "subscriptionId"), eventType, objectId, eventId, occurredAt);
            drafts.Add(new LeadDraft
            {
                DeliveryKey = key,
                Contact = new ContactDetails(),
                EventType = eventType,
                EnrichmentKey = objectId,
                Touch = new MarketingTouch { SourceEvent = eventType, OccurredAt = JsonPayload.UnixTime(occurredAt) },
            });
        }

        return errors.Count > 0
            ? ParseResult.Fail(RejectionKind.Unprocessable, "Some HubSpot events cannot become leads.", errors)
            : ParseResult.Ok(drafts);
    }

    private static bool CreatesLead(HubSpotSourceOptions settings, string eventType, JsonElement item)
    {
        if (settings.EffectiveLeadEventTypes.Contains(eventType, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!eventType.EndsWith(".propertyChange", StringComparison.OrdinalIgnoreCase) || JsonPayload.Text(item, "propertyName") is not { } name)
        {
            return false;
        }

        var value = JsonPayload.Text(item, "propertyValue");
        return settings.EffectiveLeadPropertyChanges.Any(rule =>
        {
            var parts = rule.Split('=', 2);
            return string.Equals(parts[0], name, StringComparison.OrdinalIgnoreCase) &&
                (parts.Length == 1 || string.Equals(parts[1], value, StringComparison.OrdinalIgnoreCase));
        });
    }

    private static ParseResult ParseWorkflow(JsonElement root, ReadOnlySpan<byte> body)
    {
        var objectId = JsonPayload.Text(root, "objectId") ?? JsonPayload.Text(root, "id") ?? JsonPayload.Text(root, "vid");
        var properties = JsonPayload.Object(root, "properties");
        if (objectId is null && properties is null)
        {
            return ParseResult.Fail(RejectionKind.Unprocessable, "A HubSpot workflow payload needs 'objectId' or 'properties'.");
        }

        // Workflows have no delivery id; a retry resends the same snapshot, so the body hash keys it.
        var key = $"workflow:{objectId}:{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}";
        var touch = new MarketingTouch { SourceEvent = WorkflowEvent };
        var errors = new Dictionary<string, string[]>();
        var draft = HubSpotContactMapper.ToDraft(key, properties is { } p ? HubSpotContactMapper.ReadProperties(p) : [], touch, errors);
        if (!draft.Contact.HasReachableChannel && objectId is not null && errors.Count == 0)
        {
            draft = draft with { EnrichmentKey = objectId };
        }

        return DraftChecks.Finish(draft, errors, "properties.email");
    }
}
