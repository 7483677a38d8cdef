namespace LeadSync.Core.Intake.Fields;

/// <summary>
/// Collects raw vendor values by canonical field (the first non-empty value wins, so explicit mappings are applied
/// before guesses), then builds a normalized draft.
/// </summary>
public sealed class LeadFieldBag
{
    private readonly Dictionary<LeadField, string> _values = [];

    public bool IsEmpty => _values.Count == 0;

    public void Set(LeadField field, string? value)
    {
        if (field != LeadField.Ignore && !string.IsNullOrWhiteSpace(value))
        {
            _values.TryAdd(field, value);
        }
    }

    /// <summary>Maps a vendor field by its name (see <see cref="LeadFieldNames"/>); unknown names are skipped.</summary>
    public bool SetByName(string? name, string? value)
    {
        if (!LeadFieldNames.TryParse(name, out var field))
        {
            return false;
        }

        Set(field, value);
        return true;
    }

    /// <summary>
    /// Maps a vendor field through the configured <paramref name="mapping"/> (vendor name → lead field name, looked
    /// up case-insensitively), falling back to <see cref="SetByName"/>.
    /// </summary>
    public bool SetMapped(string name, string? value, IReadOnlyDictionary<string, string> mapping)
    {
        if (mapping.TryGetValue(name, out var target) && LeadFieldNames.TryParse(target, out var field))
        {
            Set(field, value);
            return true;
        }

        return SetByName(name, value);
    }

    /// <summary>A case-insensitive copy of a configured field mapping.</summary>
    public static IReadOnlyDictionary<string, string> Mapping(IDictionary<string, string>? configured) =>
        new Dictionary<string, string>(configured ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);

    public string? Get(LeadField field) => _values.GetValueOrDefault(field);

    public ContactDetails Contact()
    {
        var (first, last) = ContactNormalizer.SplitFullName(Get(LeadField.FullName));
        return new ContactDetails
        {
            Email = Get(LeadField.Email),
            FirstName = Get(LeadField.FirstName) ?? first,
            LastName = Get(LeadField.LastName) ?? (Get(LeadField.FirstName) is null ? last : null),
            Company = Get(LeadField.Company),
            Phone = Get(LeadField.Phone),
            Title = Get(LeadField.Title),
            Country = Get(LeadField.Country),
        };
    }

    /// <summary>
    /// Builds the normalized draft. Field errors (e.g. an invalid e-mail) and a missing channel (neither e-mail
    /// nor phone, unless the draft is still to be enriched) are reported in <paramref name="errors"/>.
    /// </summary>
    public LeadDraft ToDraft(string deliveryKey, MarketingTouch? touch, IDictionary<string, string[]> errors, string fieldPrefix = "")
    {
        var consent = new ConsentFlags
        {
            Marketing = ContactNormalizer.ParseFlag(Get(LeadField.ConsentMarketing)),
            Terms = ContactNormalizer.ParseFlag(Get(LeadField.ConsentTerms)),
        };
        touch ??= new MarketingTouch();
        touch = touch with
        {
            UtmSource = touch.UtmSource ?? Get(LeadField.UtmSource),
            UtmMedium = touch.UtmMedium ?? Get(LeadField.UtmMedium),
            UtmCampaign = touch.UtmCampaign ?? Get(LeadField.UtmCampaign),
            UtmTerm = touch.UtmTerm ?? Get(LeadField.UtmTerm),
            UtmContent = touch.UtmContent ?? Get(LeadField.UtmContent),
        };
        var draft = new LeadDraft
        {
            DeliveryKey = deliveryKey,
            Contact = Contact(),
            Score = ContactNormalizer.ParseScore(Get(LeadField.Score)),
            Campaign = Get(LeadField.Campaign) ?? touch.CampaignName ?? touch.UtmCampaign,
            EventType = touch.SourceEvent,
            Consent = consent,
            Bant = new BantAnswers
            {
                Budget = Get(LeadField.Budget),
                Authority = Get(LeadField.Authority),
                Need = Get(LeadField.Need),
                Timeline = Get(LeadField.Timeline),
            },
            Touch = touch,
        };
        return ContactNormalizer.Normalize(draft, errors, fieldPrefix);
    }
}
