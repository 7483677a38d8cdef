namespace LeadSync.Core.Intake;

/// <summary>
/// Bounds what a draft carries beyond its (already normalized) contact: touch fields are cleaned like contact fields
/// (256 characters at most, control characters dropped) and delivery and enrichment keys have a maximum length, so no
/// vendor value can outgrow a storage property (64 KB) and fail the write.
/// </summary>
public static class DraftBounds
{
    public const int MaxKeyLength = 1024;

    /// <summary>The field errors of a draft whose keys are too long (empty when none are).</summary>
    public static Dictionary<string, string[]> KeyErrors(LeadDraft draft)
    {
        var errors = new Dictionary<string, string[]>();
        if (draft.DeliveryKey.Length > MaxKeyLength || draft.EraseDeliveryKey?.Length > MaxKeyLength)
        {
            errors["deliveryKey"] = [$"The delivery id is longer than {MaxKeyLength} characters."];
        }

        if (draft.EnrichmentKey?.Length > MaxKeyLength)
        {
            errors["enrichmentKey"] = [$"The vendor record id is longer than {MaxKeyLength} characters."];
        }

        return errors;
    }

    public static LeadDraft Apply(LeadDraft draft)
    {
        return draft with
        {
            Campaign = ContactNormalizer.Clean(draft.Campaign),
            EventType = ContactNormalizer.Clean(draft.EventType),
            Touch = draft.Touch is { } touch ? Bound(touch) : null,
        };
    }

    private static MarketingTouch Bound(MarketingTouch touch) => touch with
    {
        SourceEvent = ContactNormalizer.Clean(touch.SourceEvent),
        CampaignId = ContactNormalizer.Clean(touch.CampaignId),
        CampaignName = ContactNormalizer.Clean(touch.CampaignName),
        FormId = ContactNormalizer.Clean(touch.FormId),
        FormName = ContactNormalizer.Clean(touch.FormName),
        PageId = ContactNormalizer.Clean(touch.PageId),
        PageUrl = ContactNormalizer.Clean(touch.PageUrl),
        Variant = ContactNormalizer.Clean(touch.Variant),
        AdGroupId = ContactNormalizer.Clean(touch.AdGroupId),
        AdId = ContactNormalizer.Clean(touch.AdId),
        UtmSource = ContactNormalizer.Clean(touch.UtmSource),
        UtmMedium = ContactNormalizer.Clean(touch.UtmMedium),
        UtmCampaign = ContactNormalizer.Clean(touch.UtmCampaign),
        UtmTerm = ContactNormalizer.Clean(touch.UtmTerm),
        UtmContent = ContactNormalizer.Clean(touch.UtmContent),
    };
}
