namespace LeadSync.Core.Intake.LinkedIn;

/// <summary>
/// LinkedIn Lead Sync: the <c>challengeCode</c> validation GET and <c>LEAD_ACTION</c> notifications signed with
/// <c>X-LI-Signature</c> = hex HMAC-SHA256(clientSecret, "hmacsha256=" + body). <c>CREATED</c> stores a lead to be
/// completed from the form response URN; <c>DELETED</c> asks for that lead's personal data to be erased.
/// </summary>
public sealed class LinkedInWebhookSource(IOptionsMonitor<LinkedInSourceOptions> options) : WebhookSource(SourceName, "application/json")
{
    public const string SourceName = "linkedin";
    public const string SignatureHeader = "X-LI-Signature";
    private static readonly byte[] SignaturePrefix = Encoding.UTF8.GetBytes("hmacsha256=");
    private const int ChallengeCodeLength = 36;

    protected override string? Secret => options.CurrentValue.ClientSecret;

    public override ChallengeAnswer? AnswerChallenge(InboundWebhook request)
    {
        // LinkedIn sends a UUID. Answering anything else would make this GET a signing oracle: the delivery signature
        // is the same HMAC over "hmacsha256=" + body, so a code of that shape would return a valid X-LI-Signature.
        if (!request.Query.TryGetValue("challengeCode", out var code) || !IsChallengeCode(code))
        {
            return ChallengeAnswer.Refused(400, "The challengeCode must be a UUID, as LinkedIn sends it.");
        }

        var response = Hmac.ToHex(Hmac.Sha256(options.CurrentValue.ClientSecret ?? string.Empty, default, Encoding.UTF8.GetBytes(code)));
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["challengeCode"] = code, ["challengeResponse"] = response });
        return new ChallengeAnswer(200, "application/json", body);
    }

    /// <summary>
    /// True for a challenge code shaped as LinkedIn sends it: a UUID in its 36-character hyphenated form
    /// (<c>8-4-4-4-12</c> hex digits), nothing else.
    /// </summary>
    public static bool IsChallengeCode(string? code) =>
        code is { Length: ChallengeCodeLength } && Guid.TryParseExact(code, "D", out _);

    public override Rejection? Authenticate(InboundWebhook webhook)
    {
        var header = webhook.Header(SignatureHeader);
        if (string.IsNullOrEmpty(header))
        {
            return new Rejection(RejectionKind.Unauthenticated, "The X-LI-Signature header is required.");
        }

        var expected = Hmac.Sha256(options.CurrentValue.ClientSecret ?? string.Empty, SignaturePrefix, webhook.Body.Span);
        return Hmac.HexEquals(header, expected) ? null : new Rejection(RejectionKind.Unauthenticated, "The LinkedIn signature does not match.");
    }

    /// <summary>Builds an <c>X-LI-Signature</c> header value; used by tests and samples.</summary>
    public static string Sign(string clientSecret, ReadOnlySpan<byte> body) => Hmac.ToHex(Hmac.Sha256(clientSecret, SignaturePrefix, body));

    /// <summary>The delivery key of the lead a form response created (also the target of its DELETED).</summary>
    public static string CreatedKey(string responseUrn) => responseUrn + "|CREATED";

    public override ParseResult Parse(InboundWebhook webhook)
    {
        using var document = JsonPayload.TryParse(webhook.Body);
        if (document is null)
        {
            return DraftChecks.Malformed("JSON");
        }

        var root = document.RootElement;
        if (JsonPayload.Text(root, "type") != "LEAD_ACTION")
        {
            return ParseResult.Ok([]);
        }

        var urn = JsonPayload.Text(root, "leadGenFormResponse");
        var action = JsonPayload.Text(root, "leadAction");
        if (string.IsNullOrEmpty(urn) || !urn.StartsWith("urn:li:", StringComparison.Ordinal) || urn.Length > 512)
        {
            return ParseResult.Fail(RejectionKind.Unprocessable, "A LEAD_ACTION needs a leadGenFormResponse URN.",
                new Dictionary<string, string[]> { ["leadGenFormResponse"] = ["Required URN."] });
        }

        var touch = new MarketingTouch
        {
            SourceEvent = "LEAD_ACTION." + action,
            OccurredAt = JsonPayload.UnixTime(JsonPayload.Text(root, "occurredAt")),
            FormId = JsonPayload.Text(root, "leadGenForm"),
            CampaignId = FirstValue(JsonPayload.Object(root, "associatedEntity")),
        };
        return action switch
        {
            "CREATED" => ParseResult.Ok(new LeadDraft
            {
                DeliveryKey = CreatedKey(urn),
                EnrichmentKey = urn,
                Contact = new ContactDetails(),
                EventType = touch.SourceEvent,
                Touch = touch,
            }),
            "DELETED" => ParseResult.Ok(new LeadDraft
            {
                DeliveryKey = urn + "|DELETED",
                EraseDeliveryKey = CreatedKey(urn),
                Contact = new ContactDetails(),
                EventType = touch.SourceEvent,
            }),
            _ => ParseResult.Ok([]),
        };
    }

    private static string? FirstValue(JsonElement? entity)
    {
        if (entity is not { } e)
        {
            return null;
        }

        foreach (var property in e.EnumerateObject())
        {
            return JsonPayload.Scalar(property.Value);
        }

        return null;
    }
}
