using System.Text.Json;
using LeadSync.Core.Intake.Payloads;
using LeadSync.Core.Intake.Signatures;
using LeadSync.Core.Leads;
using Microsoft.Extensions.Options;

namespace LeadSync.Core.Intake.Generic;

/// <summary>
/// The generic source: any tool that sends Standard Webhooks. The payload is
/// <c>{ "type": "...", "timestamp": "...", "data": { "email", "firstName", "lastName", "company", "phone", "title",
/// "country", "score", "campaign", "budget", "authority", "need", "timeline" } }</c>; the last four are the BANT
/// answers the qualification rules can require.
/// </summary>
public sealed class GenericWebhookSource(IOptionsMonitor<GenericSourceOptions> options, StandardWebhookVerifier verifier) : IWebhookSource
{
    public const string SourceName = "generic";

    public string Name => SourceName;

    public bool IsEnabled => !string.IsNullOrEmpty(options.CurrentValue.Secret);

    public IReadOnlyCollection<string> AcceptedMediaTypes { get; } = ["application/json"];

    public Rejection? Authenticate(InboundWebhook webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
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

    public ParseResult Parse(InboundWebhook webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
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

            var errors = new Dictionary<string, string[]>();
            var raw = new ContactDetails
            {
                Email = Text(data, "email", errors),
                FirstName = Text(data, "firstName", errors),
                LastName = Text(data, "lastName", errors),
                Company = Text(data, "company", errors),
                Phone = Text(data, "phone", errors),
                Title = Text(data, "title", errors),
                Country = Text(data, "country", errors),
            };
            var contact = ContactNormalizer.Normalize(raw, errors, "data.");
            var score = Score(data, errors);
            if (!contact.HasReachableChannel && errors.Count == 0)
            {
                errors["data.email"] = ["An e-mail address or a phone number is required."];
            }

            if (errors.Count > 0)
            {
                return ParseResult.Fail(RejectionKind.Unprocessable, "The payload cannot become a lead.", errors);
            }

            var campaign = ContactNormalizer.Clean(Text(data, "campaign", errors));
            var bant = ContactNormalizer.NormalizeBant(new BantAnswers
            {
                Budget = Text(data, "budget", errors),
                Authority = Text(data, "authority", errors),
                Need = Text(data, "need", errors),
                Timeline = Text(data, "timeline", errors),
            });
            if (errors.Count > 0)
            {
                return ParseResult.Fail(RejectionKind.Unprocessable, "The payload cannot become a lead.", errors);
            }

            var eventType = ContactNormalizer.Clean(root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null);
            return ParseResult.Ok(new LeadDraft
            {
                DeliveryKey = webhook.Header(StandardWebhookVerifier.IdHeader)!,
                Contact = contact,
                Score = score,
                Campaign = campaign,
                Bant = bant,
                EventType = eventType,
                Touch = eventType is null && campaign is null ? null : new MarketingTouch { SourceEvent = eventType, CampaignName = campaign },
                Consent = ConsentOf(data),
            });
        }
    }

    /// <summary>
    /// <c>consent</c> (or <c>marketingConsent</c>) as a flag (true/false, yes/no, 1/0) means marketing consent;
    /// <c>consent</c> as an object reads <c>marketing</c> and <c>terms</c>. Anything else: the form did not ask.
    /// </summary>
    private static ConsentFlags? ConsentOf(JsonElement data)
    {
        static bool? Flag(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) ? v.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String => ContactNormalizer.ParseFlag(v.GetString()),
                JsonValueKind.Number => v.TryGetInt32(out var n) && n is 0 or 1 ? n == 1 : null,
                _ => null,
            } : null;

        var consent = data.TryGetProperty("consent", out var c) && c.ValueKind == JsonValueKind.Object
            ? new ConsentFlags { Marketing = Flag(c, "marketing"), Terms = Flag(c, "terms") }
            : new ConsentFlags { Marketing = Flag(data, "consent") ?? Flag(data, "marketingConsent") };
        return consent.IsEmpty ? null : consent;
    }

    private static string? Text(JsonElement data, string name, Dictionary<string, string[]> errors)
    {
        if (!data.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors["data." + name] = ["Must be a string."];
            return null;
        }

        return value.GetString();
    }

    private static int? Score(JsonElement data, Dictionary<string, string[]> errors)
    {
        if (!data.TryGetProperty("score", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var score))
        {
            return score;
        }

        errors["data.score"] = ["Must be a whole number."];
        return null;
    }
}
