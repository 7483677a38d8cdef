namespace LeadSync.Core.Intake.Unbounce;

/// <summary>
/// Unbounce form webhooks: form-encoded with <c>data.json</c> (every value an array) and page metadata
/// (<c>page_id</c>, <c>page_url</c>, <c>page_name</c>, <c>variant</c>). Unbounce cannot sign; the URL carries a secret.
/// </summary>
public sealed class UnbounceWebhookSource(IOptionsMonitor<UnbounceSourceOptions> options) : WebhookSource(SourceName, "application/x-www-form-urlencoded")
{
    public const string SourceName = "unbounce";

    protected override string? Secret => options.CurrentValue.Key;

    public override Rejection? Authenticate(InboundWebhook webhook) =>
        SharedSecret.Check(SharedSecret.FromQueryOrPath(webhook), options.CurrentValue.Key, "URL key");

    public override ParseResult Parse(InboundWebhook webhook)
    {
        var form = FormPayload.TryParse(webhook.Body.Span);
        if (form is null || form.IsRepeated("data.json") || form["data.json"] is not { } json)
        {
            return DraftChecks.Malformed("Unbounce form data with a data.json field");
        }

        using var document = JsonPayload.TryParse(Encoding.UTF8.GetBytes(json));
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return DraftChecks.Malformed("data.json object");
        }

        var data = document.RootElement;
        var mapping = LeadFieldBag.Mapping(options.CurrentValue.Fields);
        var bag = new LeadFieldBag();
        foreach (var field in data.EnumerateObject())
        {
            bag.SetMapped(field.Name, First(field.Value), mapping);
        }

        var pageId = form["page_id"] ?? First(data, "page_uuid") ?? First(data, "page_id");
        var date = First(data, "date_submitted");
        var time = First(data, "time_submitted");
        var touch = new MarketingTouch
        {
            SourceEvent = "form_submit",
            OccurredAt = JsonPayload.Timestamp($"{date} {time?.Replace(" UTC", string.Empty, StringComparison.Ordinal)}"),
            PageId = pageId,
            PageUrl = form["page_url"] ?? First(data, "page_url"),
            FormName = form["page_name"] ?? First(data, "page_name"),
            Variant = form["variant"] ?? First(data, "variant"),
        };

        // No delivery id: hash (page, e-mail, submission time) so the key holds no personal data.
        var identity = string.Join('\n', pageId, bag.Get(LeadField.Email)?.Trim().ToLowerInvariant(), date, time);
        var deliveryKey = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
        var errors = new Dictionary<string, string[]>();
        var draft = bag.ToDraft(deliveryKey, touch, errors, "data.json.");
        return DraftChecks.Finish(draft, errors, "data.json.email");
    }

    private static string? First(JsonElement data, string name) => JsonPayload.Property(data, name) is { } value ? First(value) : null;

    private static string? First(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(JsonPayload.Scalar).Where(v => !string.IsNullOrEmpty(v))),
        _ => JsonPayload.Scalar(value),
    };
}
