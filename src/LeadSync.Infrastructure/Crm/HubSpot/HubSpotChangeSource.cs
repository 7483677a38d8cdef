namespace LeadSync.Infrastructure.Crm.HubSpot;

/// <summary>
/// HubSpot app webhook subscriptions (<c>contact.propertyChange</c> for the lead status, lifecycle stage, owner and
/// last-contacted properties, <c>contact.deletion</c>, <c>contact.merge</c>): verifies <c>X-HubSpot-Signature-v3</c>
/// like intake, reads the batched events, and resolves their contact ids with one batch read (e-mail and, when mapped,
/// the LeadSync id property). The dedupe key is (portalId, type, objectId, property, occurredAt): HubSpot says
/// <c>eventId</c> alone is not guaranteed unique.
/// </summary>
internal sealed class HubSpotChangeSource(
    IHubSpotApi api,
    HubSpotSignature signature,
    IOptionsMonitor<HubSpotOptions> crmOptions,
    IOptionsMonitor<CrmChangeOptions> changeOptions) : ICrmChangeSource
{
    public const int MaxEvents = 1000;
    private const string EmailProperty = "email";
    private const string LifecycleStage = "lifecyclestage";

    public string Provider => "hubspot";

    public bool IsEnabled => changeOptions.CurrentValue.HubSpot.ClientSecret.Length > 0;

    public async Task<CrmChangeRead> ReadAsync(InboundWebhook webhook, string? routeSecret, CancellationToken cancellationToken)
    {
        var settings = changeOptions.CurrentValue.HubSpot;
        var check = signature.VerifyV3(webhook, settings.ClientSecret, settings.SignatureTolerance);
        if (check != SignatureCheck.Valid)
        {
            return CrmChangeRead.Refused(RejectionKind.Unauthenticated, $"{HubSpotSignature.V3Header} check failed: {check}.");
        }

        List<CrmChange> changes;
        try
        {
            using var doc = JsonDocument.Parse(webhook.Body, new JsonDocumentOptions { MaxDepth = 16 });
            if (doc.RootElement.ValueKind != JsonValueKind.Array || doc.RootElement.GetArrayLength() > MaxEvents)
            {
                return CrmChangeRead.Refused(RejectionKind.Malformed, $"HubSpot sends a JSON array of at most {MaxEvents} events.");
            }

            changes = [];
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                if (ToChange(item, settings) is not { } change)
                {
                    return CrmChangeRead.Refused(RejectionKind.Malformed, "An event lacks objectId, occurredAt or its type.");
                }

                changes.Add(change);
            }
        }
        catch (JsonException)
        {
            return CrmChangeRead.Refused(RejectionKind.Malformed, "The body is not valid JSON.");
        }

        return new CrmChangeRead(await ResolveAsync(changes, cancellationToken));
    }

    private CrmChange? ToChange(JsonElement item, HubSpotChangeOptions settings)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var type = Text(item, "subscriptionType") ?? Text(item, "eventType");
        var objectId = Text(item, "objectId");
        var occurredMs = Text(item, "occurredAt");
        if (type is null || objectId is null || !long.TryParse(occurredMs, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
        {
            return null;
        }

        var property = Text(item, "propertyName");
        var value = Text(item, "propertyValue");
        var (kind, owner, detail) = Map(type, property, value, settings);
        var recordId = kind == CrmChangeKind.Merged ? Text(item, "newObjectId") ?? Text(item, "primaryObjectId") ?? objectId : objectId;
        return new CrmChange
        {
            EventKey = string.Join('|', Text(item, "portalId"), type, objectId, property, occurredMs),
            RecordId = recordId,
            Kind = kind,
            OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(ms),
            Detail = detail,
            Owner = owner,
            Raw = JsonSerializer.SerializeToUtf8Bytes(item),
        };
    }

    private (CrmChangeKind Kind, string? Owner, string Detail) Map(string type, string? property, string? value, HubSpotChangeOptions settings)
    {
        var o = crmOptions.CurrentValue;
        var detail = property is null ? type : $"{type} {property}={value}";
        switch (type)
        {
            case "contact.merge":
                return (CrmChangeKind.Merged, null, detail);
            case "contact.deletion":
            case "contact.privacyDeletion":
                return (CrmChangeKind.Unmapped, null, $"{type}: the contact was deleted in HubSpot.");
            case "contact.creation":
            case "contact.restore":
                return (CrmChangeKind.Ignored, null, detail);
            case "contact.propertyChange":
                break;
            default:
                return (CrmChangeKind.Unmapped, null, detail);
        }

        if (string.Equals(property, o.OwnerProperty, StringComparison.OrdinalIgnoreCase))
        {
            return (string.IsNullOrEmpty(value) ? CrmChangeKind.Ignored : CrmChangeKind.OwnerChanged, value, detail);
        }

        if (string.Equals(property, o.LastContactedProperty, StringComparison.OrdinalIgnoreCase))
        {
            return (string.IsNullOrEmpty(value) ? CrmChangeKind.Ignored : CrmChangeKind.Contacted, null, detail);
        }

        if (string.Equals(property, LifecycleStage, StringComparison.OrdinalIgnoreCase))
        {
            return (In(value, settings.ConvertedLifecycleStages, HubSpotChangeOptions.DefaultConvertedLifecycleStages) ? CrmChangeKind.Converted
                : In(value, settings.IgnoredLifecycleStages, HubSpotChangeOptions.DefaultIgnoredLifecycleStages) ? CrmChangeKind.Ignored
                : CrmChangeKind.Unmapped, null, detail);
        }

        if (!string.Equals(property, o.LeadStatusProperty, StringComparison.OrdinalIgnoreCase))
        {
            return (CrmChangeKind.Unmapped, null, detail);
        }

        var kind = In(value, o.ConvertedStatuses, HubSpotOptions.DefaultConvertedStatuses) ? CrmChangeKind.Converted
            : In(value, o.DisqualifiedStatuses, HubSpotOptions.DefaultDisqualifiedStatuses) ? CrmChangeKind.Disqualified
            : string.Equals(value, o.RecycledLeadStatus, StringComparison.OrdinalIgnoreCase) || In(value, o.NurtureStatuses, []) ? CrmChangeKind.Nurture
            : In(value, settings.AttemptLeadStatuses, HubSpotChangeOptions.DefaultAttemptLeadStatuses) ? CrmChangeKind.Attempt
            : In(value, o.ContactedStatuses, HubSpotOptions.DefaultContactedStatuses) ? CrmChangeKind.Contacted
            : string.IsNullOrEmpty(value) || string.Equals(value, o.NewLeadStatus, StringComparison.OrdinalIgnoreCase)
                || In(value, settings.IgnoredLeadStatuses, HubSpotChangeOptions.DefaultIgnoredLeadStatuses) ? CrmChangeKind.Ignored
            : CrmChangeKind.Unmapped;
        return (kind, null, detail);
    }

    /// <summary>One batch read (≤ <c>BatchSize</c> ids per call) of the contacts the mappable events name.</summary>
    private async Task<List<CrmChange>> ResolveAsync(List<CrmChange> changes, CancellationToken cancellationToken)
    {
        var o = crmOptions.CurrentValue;
        var ids = changes.Where(c => c.Kind is not (CrmChangeKind.Unmapped or CrmChangeKind.Ignored)).Select(c => c.RecordId).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return changes;
        }

        var leadIdProperty = o.Fields.TryGetValue("LeadId", out var mapped) && !string.IsNullOrWhiteSpace(mapped) ? mapped : null;
        string[] properties = leadIdProperty is null ? [EmailProperty] : [EmailProperty, leadIdProperty];
        var found = new Dictionary<string, HubSpotObject>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(o.BatchSize))
        {
            var batch = new HubSpotReadBatch([.. chunk.Select(id => new HubSpotObjectId(id))], properties, [], null);
            using var response = await api.ReadContactsAsync(batch, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new CrmUnavailableException(Provider, new CrmOutcome(CrmOutcomeKind.Transient, $"Contacts batch read answered {(int?)response.StatusCode ?? 0}."));
            }

            // A 207 lists ids HubSpot no longer has (deleted, merged away) as errors: those events find no lead.
            foreach (var contact in response.Content?.Results ?? [])
            {
                if (contact.Id is { } id)
                {
                    found[id] = contact;
                }
            }
        }

        return [.. changes.Select(c => found.TryGetValue(c.RecordId, out var contact)
            ? c with { Email = Property(contact, EmailProperty), LeadId = leadIdProperty is null ? null : Property(contact, leadIdProperty) }
            : c)];
    }

    private static bool In(string? value, IList<string> configured, string[] defaults) =>
        value is not null && (configured.Count > 0 ? configured : defaults).Contains(value, StringComparer.OrdinalIgnoreCase);

    private static string? Property(HubSpotObject contact, string name) =>
        contact.Properties is { } p && p.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;

    /// <summary>Ids arrive as numbers, values as strings; both are read as text.</summary>
    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        } : null;
}
