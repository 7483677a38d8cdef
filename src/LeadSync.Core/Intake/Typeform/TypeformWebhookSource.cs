namespace LeadSync.Core.Intake.Typeform;

/// <summary>
/// Typeform <c>form_response</c> webhooks, signed with <c>Typeform-Signature: sha256=&lt;base64 HMAC-SHA256&gt;</c>
/// over the raw body. Answers map to lead fields by the form's field <c>ref</c> (settings), else by answer type.
/// </summary>
public sealed class TypeformWebhookSource(IOptionsMonitor<TypeformSourceOptions> options) : WebhookSource(SourceName, "application/json")
{
    public const string SourceName = "typeform";
    public const string SignatureHeader = "Typeform-Signature";
    private const string SignaturePrefix = "sha256=";

    protected override string? Secret => options.CurrentValue.Secret;

    public override Rejection? Authenticate(InboundWebhook webhook) =>
        Hmac.VerifyPrefixedBodySignature(webhook, SignatureHeader, SignaturePrefix, options.CurrentValue.Secret ?? string.Empty, SignatureEncoding.Base64, "Typeform");

    /// <summary>Builds a <c>Typeform-Signature</c> header value; used by tests and samples.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) => SignaturePrefix + Convert.ToBase64String(Hmac.Sha256(secret, default, body));

    public override ParseResult Parse(InboundWebhook webhook)
    {
        using var document = JsonPayload.TryParse(webhook.Body);
        if (document is null)
        {
            return DraftChecks.Malformed("JSON");
        }

        var root = document.RootElement;
        var eventId = JsonPayload.Text(root, "event_id");
        var eventType = JsonPayload.Text(root, "event_type");
        if (JsonPayload.Object(root, "form_response") is not { } response || string.IsNullOrEmpty(eventId))
        {
            return ParseResult.Fail(RejectionKind.Unprocessable, "A Typeform payload needs 'event_id' and a 'form_response' object.");
        }

        if (!string.Equals(eventType, "form_response", StringComparison.Ordinal))
        {
            // Partial responses and future event types are acknowledged but do not create leads.
            return ParseResult.Ok([]);
        }

        var formId = JsonPayload.Text(response, "form_id");
        var form = formId is not null && options.CurrentValue.Forms.TryGetValue(formId, out var configured) ? configured : null;
        var mapping = new Dictionary<string, string>(form?.Fields ?? [], StringComparer.OrdinalIgnoreCase);
        var refsById = FieldRefs(response);
        var bag = new LeadFieldBag();
        foreach (var answer in JsonPayload.Array(response, "answers"))
        {
            MapAnswer(answer, mapping, refsById, bag);
        }

        if (JsonPayload.Object(response, "hidden") is { } hidden)
        {
            foreach (var property in hidden.EnumerateObject())
            {
                bag.SetByName(property.Name, JsonPayload.Scalar(property.Value));
            }
        }

        if (JsonPayload.Object(response, "calculated") is { } calculated)
        {
            bag.Set(LeadField.Score, JsonPayload.Text(calculated, "score"));
        }

        var definition = JsonPayload.Object(response, "definition");
        var touch = new MarketingTouch
        {
            SourceEvent = eventType,
            OccurredAt = JsonPayload.Timestamp(JsonPayload.Text(response, "submitted_at")),
            FormId = formId,
            FormName = definition is { } d ? JsonPayload.Text(d, "title") : null,
            CampaignName = form?.Campaign,
        };
        var errors = new Dictionary<string, string[]>();
        var draft = bag.ToDraft(eventId, touch, errors, "form_response.answers.");
        return DraftChecks.Finish(draft, errors, "form_response.answers.email");
    }

    private static Dictionary<string, string> FieldRefs(JsonElement response)
    {
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (JsonPayload.Object(response, "definition") is { } definition)
        {
            foreach (var field in JsonPayload.Array(definition, "fields"))
            {
                if (JsonPayload.Text(field, "id") is { } id && JsonPayload.Text(field, "ref") is { } reference)
                {
                    refs.TryAdd(id, reference);
                }
            }
        }

        return refs;
    }

    private static void MapAnswer(JsonElement answer, Dictionary<string, string> mapping, Dictionary<string, string> refsById, LeadFieldBag bag)
    {
        var field = JsonPayload.Object(answer, "field");
        var fieldType = field is { } f ? JsonPayload.Text(f, "type") : null;
        var reference = field is { } g ? JsonPayload.Text(g, "ref") : null;
        if (reference is null && field is { } h && JsonPayload.Text(h, "id") is { } id)
        {
            refsById.TryGetValue(id, out reference);
        }

        var value = AnswerValue(answer);
        if (reference is not null && mapping.TryGetValue(reference, out var target) && LeadFieldNames.TryParse(target, out var mapped))
        {
            bag.Set(mapped, value);
            return;
        }

        if (reference is not null && LeadFieldNames.TryParse(reference, out var byName))
        {
            bag.Set(byName, value);
            return;
        }

        switch (fieldType ?? JsonPayload.Text(answer, "type"))
        {
            case "email":
                bag.Set(LeadField.Email, value);
                break;
            case "phone_number":
                bag.Set(LeadField.Phone, value);
                break;
            case "legal":
                bag.Set(LeadField.ConsentTerms, value);
                break;
        }
    }

    private static string? AnswerValue(JsonElement answer)
    {
        var type = JsonPayload.Text(answer, "type");
        if (type is null)
        {
            return null;
        }

        if (type == "choice")
        {
            return JsonPayload.Object(answer, "choice") is { } choice ? JsonPayload.Text(choice, "label") ?? JsonPayload.Text(choice, "other") : null;
        }

        if (type == "choices")
        {
            if (JsonPayload.Object(answer, "choices") is not { } choices)
            {
                return null;
            }

            var labels = new StringBuilder();
            foreach (var label in JsonPayload.Array(choices, "labels"))
            {
                if (JsonPayload.Scalar(label) is { } text)
                {
                    labels.Append(labels.Length == 0 ? string.Empty : ", ").Append(text);
                }
            }

            return labels.ToString();
        }

        return JsonPayload.Text(answer, type);
    }
}
