namespace LeadSync.Core.Intake.GoogleAds;

/// <summary>
/// Google Ads lead-form webhooks: authenticated by <c>google_key</c> in the body (constant-time compare);
/// <c>user_column_data</c> mapped by <c>column_id</c>; <c>is_test</c> leads flagged; <c>lead_id</c> is the delivery key.
/// </summary>
public sealed class GoogleAdsWebhookSource(IOptionsMonitor<GoogleAdsSourceOptions> options) : WebhookSource(SourceName, "application/json")
{
    public const string SourceName = "google-ads";

    protected override string? Secret => options.CurrentValue.Key;

    public override Rejection? Authenticate(InboundWebhook webhook)
    {
        using var document = JsonPayload.TryParse(webhook.Body);
        if (document is null)
        {
            return new Rejection(RejectionKind.Malformed, "The body is not valid JSON.");
        }

        var key = JsonPayload.Property(document.RootElement, "google_key") is { ValueKind: System.Text.Json.JsonValueKind.String } value ? value.GetString() : null;
        return SharedSecret.Check(key, options.CurrentValue.Key, "google_key");
    }

    public override ParseResult Parse(InboundWebhook webhook)
    {
        using var document = JsonPayload.TryParse(webhook.Body);
        if (document is null)
        {
            return DraftChecks.Malformed("JSON");
        }

        var root = document.RootElement;
        var leadId = JsonPayload.Text(root, "lead_id");
        if (string.IsNullOrEmpty(leadId) || leadId.Length > 512)
        {
            return ParseResult.Fail(RejectionKind.Unprocessable, "A Google Ads lead needs a lead_id.",
                new Dictionary<string, string[]> { ["lead_id"] = ["Required."] });
        }

        var mapping = LeadFieldBag.Mapping(options.CurrentValue.Columns);
        var bag = new LeadFieldBag();
        foreach (var column in JsonPayload.Array(root, "user_column_data"))
        {
            if (JsonPayload.Text(column, "column_id") is { } id)
            {
                bag.SetMapped(id, JsonPayload.Text(column, "string_value"), mapping);
            }
        }

        var touch = new MarketingTouch
        {
            SourceEvent = "lead_form",
            OccurredAt = JsonPayload.Timestamp(JsonPayload.Text(root, "lead_submit_time")),
            FormId = JsonPayload.Text(root, "form_id"),
            CampaignId = NonZero(JsonPayload.Text(root, "campaign_id")),
            AdGroupId = NonZero(JsonPayload.Text(root, "adgroup_id")),
            AdId = NonZero(JsonPayload.Text(root, "creative_id")),
        };
        var errors = new Dictionary<string, string[]>();
        var draft = bag.ToDraft(leadId, touch, errors, "user_column_data.") with { IsTest = JsonPayload.Flag(root, "is_test") };
        return DraftChecks.Finish(draft, errors, "user_column_data.EMAIL");
    }

    private static string? NonZero(string? id) => id is null or "0" ? null : id;
}
