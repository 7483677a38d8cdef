namespace LeadSync.Infrastructure.Crm.Dynamics;

/// <summary>
/// A Dataverse webhook service endpoint (an async PostOperation step on lead/contact <c>Update</c>, filtering attributes
/// <c>statecode</c>, <c>statuscode</c>, <c>ownerid</c>). Dataverse does not sign: the endpoint is registered with
/// <c>WebhookKey</c> auth (it adds <c>?code=&lt;key&gt;</c>) or <c>HttpHeader</c> auth (a header you choose). The body
/// is the serialized <c>RemoteExecutionContext</c>; the changed columns are in the Target, the LeadSync key and e-mail
/// in a post image. Without them (no image, or a payload over 256 KB that Dataverse stripped) the lead row is read by
/// its id. The dedupe key is (OperationId, PrimaryEntityId, MessageName); <c>modifiedon</c> orders changes.
/// </summary>
internal sealed partial class DynamicsWebhookSource(
    IDynamicsApi api,
    IOptionsMonitor<DynamicsOptions> crmOptions,
    IOptionsMonitor<CrmChangeOptions> changeOptions) : ICrmChangeSource
{
    public string Provider => "dynamics";

    public bool IsEnabled => changeOptions.CurrentValue.Dynamics.Key.Length > 0;

    public async Task<CrmChangeRead> ReadAsync(InboundWebhook webhook, string? routeSecret, CancellationToken cancellationToken)
    {
        var settings = changeOptions.CurrentValue.Dynamics;
        var given = settings.Auth == DynamicsWebhookAuth.WebhookKey
            ? webhook.Query.GetValueOrDefault("code")
            : webhook.Header(settings.HeaderName);
        if (!Hmac.SecretEquals(given, settings.Key))
        {
            var where = settings.Auth == DynamicsWebhookAuth.WebhookKey ? "code query parameter" : $"{settings.HeaderName} header";
            return CrmChangeRead.Refused(RejectionKind.Unauthenticated, $"The {where} does not carry the registered key.");
        }

        try
        {
            using var doc = JsonDocument.Parse(webhook.Body, new JsonDocumentOptions { MaxDepth = 32 });
            return await ReadContextAsync(doc.RootElement, webhook, cancellationToken);
        }
        catch (JsonException)
        {
            return CrmChangeRead.Refused(RejectionKind.Malformed, "The body is not valid JSON.");
        }
    }

    private async Task<CrmChangeRead> ReadContextAsync(JsonElement root, InboundWebhook webhook, CancellationToken cancellationToken)
    {
        if (root.ValueKind != JsonValueKind.Object || Text(root, "OperationId") is not { } operationId
            || Text(root, "PrimaryEntityId") is not { } recordId || Text(root, "MessageName") is not { } message)
        {
            return CrmChangeRead.Refused(RejectionKind.Malformed, "The body is not a RemoteExecutionContext (OperationId, PrimaryEntityId, MessageName).");
        }

        var entity = Text(root, "PrimaryEntityName") ?? "lead";
        var target = Attributes(Parameter(root, "InputParameters", "Target"));
        var image = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("PostEntityImages", out var images) && images.ValueKind == JsonValueKind.Array)
        {
            foreach (var named in images.EnumerateArray())
            {
                foreach (var (k, v) in Attributes(named.TryGetProperty("value", out var value) ? value : default))
                {
                    image[k] = v;
                }
            }
        }

        var o = crmOptions.CurrentValue;
        var all = new Dictionary<string, JsonElement>(image, StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in target)
        {
            all[k] = v;
        }

        var at = WcfDate(all.GetValueOrDefault("modifiedon")) ?? WcfDate(root.TryGetProperty("OperationCreatedOn", out var created) ? created : default)
            ?? DateTimeOffset.UnixEpoch;
        var key = $"{operationId}|{recordId}|{message}";
        var template = new CrmChange
        {
            EventKey = key,
            RecordId = recordId,
            Kind = CrmChangeKind.Ignored,
            OccurredAt = at,
            Detail = $"{entity} {message}",
            LeadId = Str(all.GetValueOrDefault(o.AlternateKeyAttribute)),
            Email = Str(all.GetValueOrDefault("emailaddress1")),
            Raw = webhook.Body,
        };

        var changes = new List<CrmChange>();
        var state = OptionValue(all.GetValueOrDefault("statecode"));
        var status = OptionValue(all.GetValueOrDefault("statuscode"));
        if (target.ContainsKey("statecode") || target.ContainsKey("statuscode"))
        {
            var kind = string.Equals(entity, "lead", StringComparison.OrdinalIgnoreCase) ? MapStatus(state, status, o, changeOptions.CurrentValue.Dynamics) : CrmChangeKind.Unmapped;
            changes.Add(template with { EventKey = key + "|status", Kind = kind, Detail = $"{entity} statecode={state} statuscode={status}" });
        }

        if (target.TryGetValue("ownerid", out var owner) && Reference(owner) is { } ownerId)
        {
            changes.Add(template with { EventKey = key + "|owner", Kind = CrmChangeKind.OwnerChanged, Owner = ownerId, Detail = $"{entity} ownerid={ownerId}" });
        }

        if (changes.Count == 0)
        {
            changes.Add(template with { Detail = $"{entity} {message} without statecode, statuscode or ownerid" });
        }

        if (template.LeadId is null && template.Email is null && string.Equals(entity, "lead", StringComparison.OrdinalIgnoreCase)
            && changes.Any(c => c.Kind is not (CrmChangeKind.Ignored or CrmChangeKind.Unmapped)) && Guid.TryParse(recordId, out var rowId))
        {
            var (leadId, email) = await ReadKeyAsync(rowId, o, cancellationToken);
            changes = [.. changes.Select(c => c with { LeadId = leadId, Email = email })];
        }

        return new CrmChangeRead(changes);
    }

    private static CrmChangeKind MapStatus(int? state, int? status, DynamicsOptions o, DynamicsChangeOptions settings)
    {
        // statecode may be missing when only statuscode was written; Dataverse's default lead reasons imply it.
        var implied = state ?? (status == 3 ? 1 : status is >= 4 and <= 7 ? 2 : 0);
        var contacted = o.ContactedStatusCodes.Count > 0 ? o.ContactedStatusCodes : DynamicsOptions.DefaultContactedStatusCodes;
        return implied switch
        {
            1 => CrmChangeKind.Converted,
            2 when status == o.RecycledStatusCode || (status is { } s && o.NurtureStatusCodes.Contains(s)) => CrmChangeKind.Nurture,
            2 => CrmChangeKind.Disqualified,
            _ when status is { } s && contacted.Contains(s) => CrmChangeKind.Contacted,
            _ when status is null || (settings.IgnoredStatusCodes.Count > 0 ? settings.IgnoredStatusCodes : DynamicsChangeOptions.DefaultIgnoredStatusCodes).Contains(status.Value)
                => CrmChangeKind.Ignored,
            _ => CrmChangeKind.Unmapped,
        };
    }

    /// <summary>The LeadSync key and e-mail of the lead row (one query), for a payload without a post image.</summary>
    private async Task<(string? LeadId, string? Email)> ReadKeyAsync(Guid rowId, DynamicsOptions o, CancellationToken cancellationToken)
    {
        using var response = await api.QueryLeadsAsync(o.ApiVersion, $"leadid,{o.AlternateKeyAttribute},emailaddress1",
            $"leadid eq {rowId.ToString("D", CultureInfo.InvariantCulture)}", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new CrmUnavailableException(Provider, new CrmOutcome(CrmOutcomeKind.Transient, $"Lead read answered {(int?)response.StatusCode ?? 0}."));
        }

        var row = response.Content?.Value?.FirstOrDefault();
        return row?.Other is { } other
            ? (Str(other.GetValueOrDefault(o.AlternateKeyAttribute)), Str(other.GetValueOrDefault("emailaddress1")))
            : (null, null);
    }

    private static JsonElement Parameter(JsonElement root, string collection, string name)
    {
        if (root.TryGetProperty(collection, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var pair in list.EnumerateArray())
            {
                if (Text(pair, "key") == name && pair.TryGetProperty("value", out var value))
                {
                    return value;
                }
            }
        }

        return default;
    }

    /// <summary>An Entity's <c>Attributes</c> (a list of key/value pairs) as a dictionary.</summary>
    private static Dictionary<string, JsonElement> Attributes(JsonElement entity)
    {
        var attributes = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        if (entity.ValueKind == JsonValueKind.Object && entity.TryGetProperty("Attributes", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var pair in list.EnumerateArray())
            {
                if (Text(pair, "key") is { } key && pair.TryGetProperty("value", out var value))
                {
                    attributes[key] = value.Clone();
                }
            }
        }

        return attributes;
    }

    /// <summary>An OptionSetValue serializes as <c>{"__type":"OptionSetValue:…","Value":2}</c>; a bare number is read too.</summary>
    private static int? OptionValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var n) => n,
        JsonValueKind.Object when value.TryGetProperty("Value", out var v) && v.TryGetInt32(out var n) => n,
        _ => null,
    };

    /// <summary>An EntityReference (<c>{"Id":…,"LogicalName":"systemuser"}</c>): its id.</summary>
    private static string? Reference(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && Text(value, "Id") is { } id && Guid.TryParse(id, out var guid)
            ? guid.ToString("D", CultureInfo.InvariantCulture)
            : null;

    /// <summary>WCF dates: <c>/Date(1767225601000+0000)/</c> (milliseconds since the epoch, offset for display only).</summary>
    private static DateTimeOffset? WcfDate(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && WcfDatePattern().Match(value.GetString() ?? "") is { Success: true } m
        && long.TryParse(m.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    private static string? Str(JsonElement value) => value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;

    private static string? Text(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [GeneratedRegex(@"^/Date\((-?\d+)([+-]\d{4})?\)/$")]
    private static partial Regex WcfDatePattern();
}
