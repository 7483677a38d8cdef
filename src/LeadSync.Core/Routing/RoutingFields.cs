namespace LeadSync.Core.Routing;

/// <summary>
/// A lead's value for a territory field: a canonical field (Country, Company, Title, Source, Campaign, EmailDomain,
/// UtmSource …), else the first property of that name (case-insensitive, any depth) in the submitted payload, which
/// is how region/state, industry, company size or any custom form field are matched without a schema per source.
/// </summary>
public static class RoutingFields
{
    public static string? ValueOf(Lead lead, string field)
    {
        var c = lead.Contact;
        var canonical = field.Trim().ToUpperInvariant() switch
        {
            "EMAIL" => c.Email,
            "EMAILDOMAIN" or "DOMAIN" => EmailDomains.Of(lead),
            "COUNTRY" => c.Country,
            "COMPANY" => c.Company,
            "TITLE" => c.Title,
            "SOURCE" => lead.Source,
            "CAMPAIGN" => lead.Campaign,
            "SCORE" => lead.Score?.ToString(CultureInfo.InvariantCulture),
            "UTMSOURCE" => lead.Touch?.UtmSource,
            "UTMMEDIUM" => lead.Touch?.UtmMedium,
            "UTMCAMPAIGN" => lead.Touch?.UtmCampaign,
            "FORMID" => lead.Touch?.FormId,
            "FORMNAME" => lead.Touch?.FormName,
            _ => null,
        };
        return canonical ?? FromPayload(lead.RawPayload, field.Trim());
    }

    private static string? FromPayload(string? payload, string field)
    {
        if (string.IsNullOrWhiteSpace(payload) || payload.Length > 256 * 1024)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = 32 });
            return Find(doc.RootElement, field, 0);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Find(JsonElement element, string field, int depth)
    {
        if (depth > 16)
        {
            return null;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name.Equals(field, StringComparison.OrdinalIgnoreCase) && Scalar(property.Value) is { } value)
                    {
                        return value;
                    }
                }

                // Form tools that send fields as [{ "name": "state", "value": "CA" }] or { "key": …, "value": … }.
                if (NamedValue(element, field) is { } named)
                {
                    return named;
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (Find(property.Value, field, depth + 1) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, field, depth + 1) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static string? NamedValue(JsonElement element, string field)
    {
        foreach (var key in new[] { "name", "key", "label", "field" })
        {
            if (element.TryGetProperty(key, out var name) && name.ValueKind == JsonValueKind.String
                && string.Equals(name.GetString(), field, StringComparison.OrdinalIgnoreCase)
                && element.TryGetProperty("value", out var value) && Scalar(value) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s.Trim() : null,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
