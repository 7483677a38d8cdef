namespace LeadSync.Core.Leads;

/// <summary>
/// Where a lead came from: the vendor event, campaign, form and landing page, and the UTM tags. Written to the
/// lead's timeline as a <c>marketing.touch</c> entry and kept on the lead for attribution.
/// </summary>
public sealed record MarketingTouch
{
    /// <summary>The vendor's event name, e.g. <c>form_response</c>, <c>leadgen</c>, <c>subscribe</c>.</summary>
    public string? SourceEvent { get; init; }

    /// <summary>When the vendor says the touch happened (submission time), when it says so.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    public string? CampaignId { get; init; }
    public string? CampaignName { get; init; }
    public string? FormId { get; init; }
    public string? FormName { get; init; }
    public string? PageId { get; init; }
    public string? PageUrl { get; init; }
    public string? Variant { get; init; }
    public string? AdGroupId { get; init; }
    public string? AdId { get; init; }
    public string? UtmSource { get; init; }
    public string? UtmMedium { get; init; }
    public string? UtmCampaign { get; init; }
    public string? UtmTerm { get; init; }
    public string? UtmContent { get; init; }

    private static readonly MarketingTouch Empty = new();

    /// <summary>True when the vendor told us nothing about the touch.</summary>
    [JsonIgnore]
    public bool IsEmpty => Equals(Empty);

    /// <summary>One line for the timeline; never contains personal data.</summary>
    public string Describe()
    {
        var parts = new List<string>(6);
        Add(parts, "event", SourceEvent);
        Add(parts, "campaign", CampaignName ?? CampaignId ?? UtmCampaign);
        Add(parts, "form", FormName ?? FormId);
        Add(parts, "page", PageUrl ?? PageId);
        Add(parts, "variant", Variant);
        Add(parts, "utm", UtmSource is null ? null : $"{UtmSource}/{UtmMedium}");
        if (OccurredAt is { } at)
        {
            parts.Add("at " + at.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "Marketing touch." : "Marketing touch: " + string.Join(", ", parts) + ".";
    }

    private static void Add(List<string> parts, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add($"{label} {value}");
        }
    }
}
