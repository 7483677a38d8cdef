namespace LeadSync.Core.Intake.Generic;

/// <summary>
/// The generic source: any tool that sends Standard Webhooks. The payload is
/// <c>{ "type": "...", "timestamp": "...", "data": { "email", "firstName", "lastName", "company", "phone", "title",
/// "country", "score", "campaign", "budget", "authority", "need", "timeline" } }</c>; the last four are the BANT
/// answers the qualification rules can require.
/// </summary>
public sealed class GenericWebhookSource(IOptionsMonitor<GenericSourceOptions> options, StandardWebhookVerifier verifier) : WebhookSource(SourceName, "application/json")
{
    public const string SourceName = "generic";

    protected override string? Secret => options.CurrentValue.Secret;

    public override Rejection? Authenticate(InboundWebhook webhook)
    {
        var check = verifier.Verify(
            webhook.Header(StandardWebhookVerifier.IdHeader),
            webhook.Header(StandardWebhookVerifier.TimestampHeader),
            webhook.Header(StandardWebhookVerifier.SignatureHeader),
            webhook.Body.Span,
            options.CurrentValue.Secret ?? string.Empty,
            options.CurrentValue.Tolerance);
        return check switch
        {
            SignatureCheck.Valid => null,
            SignatureCheck.Missing => new Rejection(RejectionKind.Unauthenticated, "The webhook-id, webhook-timestamp and webhook-signature headers are required."),
            SignatureCheck.Stale => new Rejection(RejectionKind.Unauthenticated, "The webhook-timestamp is outside the accepted tolerance."),
            SignatureCheck.Malformed => new Rejection(RejectionKind.Unauthenticated, "The signature headers are malformed."),
            _ => new Rejection(RejectionKind.Unauthenticated, "The webhook signature does not match."),
        };
    }

    public override ParseResult Parse(InboundWebhook webhook)
    {
        var document = JsonPayload.TryParse(webhook.Body);
        if (document is null)
        {
            return ParseResult.Fail(RejectionKind.Malformed, "The body is not valid JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                return ParseResult.Fail(RejectionKind.Unprocessable, "The payload must be an object with a 'data' object.",
                    new Dictionary<string, string[]> { ["data"] = ["Required object."] });
            }

            // Every data member goes through the alias table (firstName, first_name, FNAME, jobtitle, …), as in every source.
            var errors = new Dictionary<string, string[]>();
            var bag = new LeadFieldBag();
            foreach (var member in data.EnumerateObject())
            {
                if (member.Value.ValueKind == JsonValueKind.Object && member.NameEquals("consent"))
                {
                    // consent as an object: {"marketing": …, "terms": …}
                    foreach (var flag in member.Value.EnumerateObject())
                    {
                        var consentField = flag.NameEquals("marketing") ? LeadField.ConsentMarketing
                            : flag.NameEquals("terms") ? LeadField.ConsentTerms : LeadField.Ignore;
                        if (consentField != LeadField.Ignore)
                        {
                            bag.Set(consentField, Value(flag, consentField, errors));
                        }
                    }
                }
                else if (LeadFieldNames.TryParse(member.Name, out var field) && field != LeadField.Ignore)
                {
                    bag.Set(field, Value(member, field, errors));
                }
            }

            if (errors.Count > 0)
            {
                return ParseResult.Fail(RejectionKind.Unprocessable, "The payload cannot become a lead.", errors);
            }

            var eventType = ContactNormalizer.Clean(root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null);
            var touch = new MarketingTouch { SourceEvent = eventType, CampaignName = ContactNormalizer.Clean(bag.Get(LeadField.Campaign)) };
            var draft = bag.ToDraft(webhook.Header(StandardWebhookVerifier.IdHeader)!, touch, errors, "data.");
            return DraftChecks.Finish(draft, errors, "data.email");
        }
    }

    /// <summary>
    /// The text of a lead field: a string (a whole number for the score, true/false also for consent flags); anything
    /// else is a field error named after the member.
    /// </summary>
    private static string? Value(JsonProperty member, LeadField field, Dictionary<string, string[]> errors)
    {
        var value = member.Value;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number when field == LeadField.Score && value.TryGetInt32(out var score):
                return score.ToString(CultureInfo.InvariantCulture);
            case JsonValueKind.True or JsonValueKind.False when field is LeadField.ConsentMarketing or LeadField.ConsentTerms:
                return value.ValueKind == JsonValueKind.True ? "true" : "false";
            case JsonValueKind.Number when field is LeadField.ConsentMarketing or LeadField.ConsentTerms && value.TryGetInt32(out var flag) && flag is 0 or 1:
                return flag == 1 ? "true" : "false";
            case JsonValueKind.String when field != LeadField.Score:
                return value.GetString();
            case JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _):
                return value.GetString();
            default:
                errors["data." + member.Name] = [field == LeadField.Score ? "Must be a whole number." : "Must be a string."];
                return null;
        }
    }
}
