namespace LeadSync.Core.Intake.Meta;

/// <summary>Maps a Graph API lead (<c>field_data: [{ name, values[] }]</c>) to a lead draft.</summary>
public static class MetaLeadMapper
{
    public static LeadDraft ToDraft(
        string deliveryKey,
        IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> fieldData,
        IReadOnlyDictionary<string, string> mapping,
        MarketingTouch? touch,
        IDictionary<string, string[]> errors)
    {
        var bag = new LeadFieldBag();
        foreach (var (name, values) in fieldData)
        {
            if (!string.IsNullOrEmpty(name) && values is { Count: > 0 })
            {
                bag.SetMapped(name, string.Join(", ", values), mapping);
            }
        }

        return bag.ToDraft(deliveryKey, touch, errors, "field_data.");
    }
}
