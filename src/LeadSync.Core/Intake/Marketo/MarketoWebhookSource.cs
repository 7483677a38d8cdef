namespace LeadSync.Core.Intake.Marketo;

/// <summary>
/// Marketo "Call Webhook" flow step posting the JSON payload template documented in README.md, section
/// "marketo — Marketo Call Webhook" (#marketo--marketo-call-webhook). Marketo cannot sign, so a custom header carries a
/// shared secret. <c>leadId</c> + <c>campaignId</c> + <c>firedAt</c> key the delivery.
/// </summary>
public sealed class MarketoWebhookSource(IOptionsMonitor<MarketoSourceOptions> options) : WebhookSource(SourceName, "application/json")
{
    public const string SourceName = "marketo";

    /// <summary>The payload template to paste into Marketo (Admin → Webhooks → Payload Template, encoding JSON).</summary>
    public const string PayloadTemplate = """
        {
          "leadId": {{lead.Id}},
          "email": {{lead.Email Address}},
          "firstName": {{lead.First Name}},
          "lastName": {{lead.Last Name}},
          "company": {{company.Company Name}},
          "phone": {{lead.Phone Number}},
          "title": {{lead.Job Title}},
          "country": {{lead.Country}},
          "score": {{lead.Lead Score}},
          "campaignId": {{campaign.id}},
          "campaignName": {{campaign.name}},
          "firedAt": {{system.dateTime}},
          "utm_source": {{lead.utm_source}},
          "utm_medium": {{lead.utm_medium}},
          "utm_campaign": {{lead.utm_campaign}}
        }
        """;

    protected override string? Secret => options.CurrentValue.Secret;

    public override Rejection? Authenticate(InboundWebhook webhook)
    {
        var settings = options.CurrentValue;
        return SharedSecret.Check(webhook.Header(settings.SecretHeader), settings.Secret, settings.SecretHeader + " header");
    }

    public override ParseResult Parse(InboundWebhook webhook)
    {
        using var document = JsonPayload.TryParse(webhook.Body);
        if (document is null)
        {
            return DraftChecks.Malformed("JSON");
        }

        var root = document.RootElement;
        var leadId = JsonPayload.Text(root, "leadId");
        if (root.ValueKind != JsonValueKind.Object || string.IsNullOrEmpty(leadId) || leadId.Length > 64)
        {
            return ParseResult.Fail(RejectionKind.Unprocessable, "The Marketo payload needs a 'leadId' (see the payload template).",
                new Dictionary<string, string[]> { ["leadId"] = ["Required."] });
        }

        var mapping = LeadFieldBag.Mapping(options.CurrentValue.Fields);
        var bag = new LeadFieldBag();
        foreach (var property in root.EnumerateObject())
        {
            bag.SetMapped(property.Name, JsonPayload.Scalar(property.Value), mapping);
        }

        var campaignId = JsonPayload.Text(root, "campaignId");
        var firedAt = JsonPayload.Text(root, "firedAt");
        var touch = new MarketingTouch
        {
            SourceEvent = "call_webhook",
            OccurredAt = JsonPayload.Timestamp(firedAt),
            CampaignId = campaignId,
            CampaignName = JsonPayload.Text(root, "campaignName"),
        };
        var errors = new Dictionary<string, string[]>();
        var draft = bag.ToDraft(string.Join('|', leadId, campaignId, firedAt), touch, errors);
        return DraftChecks.Finish(draft, errors);
    }
}
