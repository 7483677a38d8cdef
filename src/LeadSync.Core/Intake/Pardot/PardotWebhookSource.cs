namespace LeadSync.Core.Intake.Pardot;

/// <summary>
/// Account Engagement (Pardot) form handlers with data forwarding: the submission is forwarded form-encoded to the
/// success location (this endpoint, with <c>?key=</c>). There is no delivery id: the body hash keys the delivery, so
/// an identical resubmission maps to the same lead. An optional <c>?form=</c> names the handler.
/// </summary>
public sealed class PardotWebhookSource(IOptionsMonitor<PardotSourceOptions> options) : WebhookSource(SourceName, "application/x-www-form-urlencoded")
{
    public const string SourceName = "pardot";

    protected override string? Secret => options.CurrentValue.Key;

    public override Rejection? Authenticate(InboundWebhook webhook) =>
        SharedSecret.Check(SharedSecret.FromQueryOrPath(webhook), options.CurrentValue.Key, "URL key");

    public override ParseResult Parse(InboundWebhook webhook)
    {
        var form = FormPayload.TryParse(webhook.Body.Span);
        if (form is null)
        {
            return DraftChecks.Malformed("form data");
        }

        var mapping = LeadFieldBag.Mapping(options.CurrentValue.Fields);
        var bag = new LeadFieldBag();
        foreach (var key in form.Keys)
        {
            bag.SetMapped(key, string.Join(", ", form.All(key)), mapping);
        }

        webhook.Query.TryGetValue("form", out var formName);
        var touch = new MarketingTouch { SourceEvent = "form_handler", FormName = formName };
        var deliveryKey = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(webhook.Body.Span));
        var errors = new Dictionary<string, string[]>();
        var draft = bag.ToDraft(deliveryKey, touch, errors);
        return DraftChecks.Finish(draft, errors);
    }
}
