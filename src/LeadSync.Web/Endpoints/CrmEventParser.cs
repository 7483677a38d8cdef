namespace LeadSync.Web.Endpoints;

/// <summary>Parses the CRM callback body; every failure is a rejection, never an exception.</summary>
public static class CrmEventParser
{
    public static (CrmEvent? Event, Rejection? Rejection) Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            var root = doc.RootElement;
            if (!JsonPayload.HasReadableText(root))
            {
                // Parsed, but a string is not readable text (invalid UTF-8, a lone surrogate escape).
                return (null, new Rejection(RejectionKind.Malformed, "The body is not valid JSON text."));
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail("The body must be a JSON object.");
            }

            var leadId = String(root, "leadId");
            var state = String(root, "event")?.ToLowerInvariant() switch
            {
                "contacted" => CrmLeadState.Contacted,
                "converted" => CrmLeadState.Converted,
                "disqualified" => CrmLeadState.Disqualified,
                "nurture" => CrmLeadState.Nurture,
                _ => (CrmLeadState?)null,
            };
            DateTimeOffset? at = root.TryGetProperty("at", out var atValue) && atValue.ValueKind == JsonValueKind.String && atValue.TryGetDateTimeOffset(out var parsed)
                ? parsed
                : null;
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrEmpty(leadId))
            {
                errors["leadId"] = ["Required."];
            }

            if (state is null)
            {
                errors["event"] = ["One of contacted, converted, disqualified, nurture."];
            }

            return errors.Count > 0
                ? (null, new Rejection(RejectionKind.Unprocessable, "The CRM event is incomplete.", errors))
                : (new CrmEvent(leadId!, state!.Value, at, String(root, "owner")), null);
        }
        catch (JsonException)
        {
            return (null, new Rejection(RejectionKind.Malformed, "The body is not valid JSON."));
        }
    }

    private static (CrmEvent?, Rejection?) Fail(string detail) => (null, new Rejection(RejectionKind.Unprocessable, detail));

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
