namespace LeadSync.Core.Intake.Mailchimp;

/// <summary>
/// Mailchimp audience webhooks (form-encoded <c>type</c>, <c>fired_at</c>, <c>data[…]</c>). Mailchimp cannot sign,
/// so the URL carries a secret. <c>subscribe</c> and <c>profile</c> become leads; other events are acknowledged.
/// </summary>
public sealed class MailchimpWebhookSource(IOptionsMonitor<MailchimpSourceOptions> options) : WebhookSource(SourceName, "application/x-www-form-urlencoded")
{
    public const string SourceName = "mailchimp";
    private const string MergePrefix = "data[merges][";

    protected override string? Secret => options.CurrentValue.Key;

    /// <summary>Mailchimp checks the URL with a GET when the webhook is saved; it must answer 200.</summary>
    public override ChallengeAnswer? AnswerChallenge(InboundWebhook request) =>
        Authenticate(request) is null
            ? new ChallengeAnswer(200, "text/plain", string.Empty)
            : ChallengeAnswer.Refused(403, "The key is missing or wrong.");

    public override Rejection? Authenticate(InboundWebhook webhook) =>
        SharedSecret.Check(SharedSecret.FromQueryOrPath(webhook), options.CurrentValue.Key, "URL key");

    private static readonly string[] IdentityFields = ["type", "fired_at", "data[email]", "data[list_id]", "data[id]"];

    public override ParseResult Parse(InboundWebhook webhook)
    {
        var form = FormPayload.TryParse(webhook.Body.Span);
        // A repeated identity field would make the event's identity (and so its de-duplication) ambiguous.
        if (form is null || IdentityFields.Any(form.IsRepeated))
        {
            return DraftChecks.Malformed("form data");
        }

        var type = form["type"];
        if (type is not ("subscribe" or "profile"))
        {
            return type is null
                ? ParseResult.Fail(RejectionKind.Unprocessable, "A Mailchimp webhook needs a 'type'.")
                : ParseResult.Ok([]);
        }

        var mapping = LeadFieldBag.Mapping(options.CurrentValue.MergeFields);
        var bag = new LeadFieldBag();
        bag.Set(LeadField.Email, form["data[email]"]);
        foreach (var key in form.Keys)
        {
            if (key.StartsWith(MergePrefix, StringComparison.Ordinal) && key.EndsWith(']'))
            {
                bag.SetMapped(key[MergePrefix.Length..^1], form[key], mapping);
            }
        }

        if (type == "subscribe")
        {
            bag.Set(LeadField.ConsentMarketing, "true");
        }

        var firedAt = form["fired_at"];
        var touch = new MarketingTouch
        {
            SourceEvent = type,
            OccurredAt = DateTimeOffset.TryParseExact(firedAt, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null,
            FormId = form["data[list_id]"],
            CampaignId = form["data[campaign_id]"],
        };

        // Mailchimp has no delivery id: (type, fired_at, list, subscriber id) identifies the event.
        var deliveryKey = string.Join('|', type, firedAt, form["data[list_id]"], form["data[id]"]);
        var errors = new Dictionary<string, string[]>();
        var draft = bag.ToDraft(deliveryKey, touch, errors, "data.");
        return DraftChecks.Finish(draft, errors, "data[email]");
    }
}
