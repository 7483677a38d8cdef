namespace LeadSync.Core.Intake.HubSpot;

/// <summary>
/// Maps HubSpot contact properties (CRM v3 <c>properties</c>, or the workflow payload where each property may be an
/// object with a <c>value</c>) to a lead draft.
/// </summary>
public static class HubSpotContactMapper
{
    /// <summary>HubSpot's "opted out of all e-mail" contact property: true means no marketing consent.</summary>
    public const string EmailOptOutProperty = "hs_email_optout";

    public static LeadDraft ToDraft(string deliveryKey, IEnumerable<KeyValuePair<string, string?>> properties, MarketingTouch? touch, IDictionary<string, string[]> errors)
    {
        var bag = new LeadFieldBag();
        foreach (var (name, value) in properties)
        {
            if (string.Equals(name, EmailOptOutProperty, StringComparison.OrdinalIgnoreCase))
            {
                bag.Set(LeadField.ConsentMarketing, ContactNormalizer.ParseFlag(value) is { } optedOut ? (!optedOut).ToString() : null);
                continue;
            }

            bag.SetByName(name, value);
        }

        return bag.ToDraft(deliveryKey, touch, errors, "properties.");
    }

    /// <summary>Reads a <c>properties</c> object whose values are scalars or <c>{ "value": … }</c> objects.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ReadProperties(JsonElement properties)
    {
        if (properties.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var property in properties.EnumerateObject())
        {
            var value = property.Value.ValueKind == JsonValueKind.Object ? JsonPayload.Text(property.Value, "value") : JsonPayload.Scalar(property.Value);
            yield return new(property.Name, value);
        }
    }
}
