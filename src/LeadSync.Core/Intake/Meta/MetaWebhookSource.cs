namespace LeadSync.Core.Intake.Meta;

/// <summary>
/// Meta Lead Ads: the subscription GET (<c>hub.mode</c>, <c>hub.verify_token</c>, <c>hub.challenge</c>) and
/// <c>leadgen</c> change notifications signed with <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c>. Notifications carry
/// ids only; each <c>leadgen_id</c> is read from the Graph API by the enrichment step.
/// </summary>
public sealed class MetaWebhookSource(IOptionsMonitor<MetaSourceOptions> options) : WebhookSource(SourceName, "application/json")
{
    public const string SourceName = "meta";
    public const string SignatureHeader = "X-Hub-Signature-256";
    private const string SignaturePrefix = "sha256=";
    private const int MaxChallengeLength = 256;

    protected override string? Secret => options.CurrentValue.AppSecret;

    public override ChallengeAnswer? AnswerChallenge(InboundWebhook request)
    {
        request.Query.TryGetValue("hub.mode", out var mode);
        request.Query.TryGetValue("hub.verify_token", out var token);
        request.Query.TryGetValue("hub.challenge", out var challenge);
        if (mode != "subscribe" || string.IsNullOrEmpty(challenge) || challenge.Length > MaxChallengeLength || challenge.Any(char.IsControl))
        {
            return ChallengeAnswer.Refused(400, "Expected hub.mode=subscribe with a hub.challenge.");
        }

        return Hmac.SecretEquals(token, options.CurrentValue.VerifyToken)
            ? new ChallengeAnswer(200, "text/plain", challenge)
            : ChallengeAnswer.Refused(403, "The verify token does not match.");
    }

    public override Rejection? Authenticate(InboundWebhook webhook) =>
        Hmac.VerifyPrefixedBodySignature(webhook, SignatureHeader, SignaturePrefix, options.CurrentValue.AppSecret ?? string.Empty, SignatureEncoding.Hex, "Meta");

    /// <summary>Builds an <c>X-Hub-Signature-256</c> header value; used by tests and samples.</summary>
    public static string Sign(string appSecret, ReadOnlySpan<byte> body) => SignaturePrefix + Hmac.ToHex(Hmac.Sha256(appSecret, default, body));

    public override ParseResult Parse(InboundWebhook webhook)
    {
        using var document = JsonPayload.TryParse(webhook.Body);
        if (document is null)
        {
            return DraftChecks.Malformed("JSON");
        }

        var root = document.RootElement;
        if (JsonPayload.Text(root, "object") is not ("page" or "instagram"))
        {
            // Other objects (e.g. a test ping of an unrelated field) are acknowledged and ignored.
            return ParseResult.Ok([]);
        }

        var drafts = new List<LeadDraft>();
        var errors = new Dictionary<string, string[]>();
        var entryIndex = -1;
        foreach (var entry in JsonPayload.Array(root, "entry"))
        {
            entryIndex++;
            var changeIndex = -1;
            foreach (var change in JsonPayload.Array(entry, "changes"))
            {
                changeIndex++;
                if (JsonPayload.Text(change, "field") != "leadgen")
                {
                    continue;
                }

                var value = JsonPayload.Object(change, "value");
                var leadgenId = value is { } v ? JsonPayload.Text(v, "leadgen_id") : null;
                if (value is not { } lead || string.IsNullOrEmpty(leadgenId) || !leadgenId.All(char.IsAsciiDigit))
                {
                    errors[new StringBuilder().Append("entry[").Append(entryIndex).Append("].changes[").Append(changeIndex).Append("].value.leadgen_id").ToString()] =
                        ["A numeric leadgen_id is required."];
                    continue;
                }

                drafts.Add(new LeadDraft
                {
                    DeliveryKey = leadgenId,
                    EnrichmentKey = leadgenId,
                    Contact = new ContactDetails(),
                    EventType = "leadgen",
                    Touch = new MarketingTouch
                    {
                        SourceEvent = "leadgen",
                        OccurredAt = JsonPayload.UnixTime(JsonPayload.Text(lead, "created_time")),
                        FormId = JsonPayload.Text(lead, "form_id"),
                        PageId = JsonPayload.Text(lead, "page_id"),
                        AdGroupId = NonZero(JsonPayload.Text(lead, "adgroup_id")),
                        AdId = NonZero(JsonPayload.Text(lead, "ad_id")),
                    },
                });
            }
        }

        return errors.Count > 0
            ? ParseResult.Fail(RejectionKind.Unprocessable, "Some leadgen changes cannot become leads.", errors)
            : ParseResult.Ok(drafts);
    }

    private static string? NonZero(string? id) => id is null or "0" ? null : id;
}
