namespace LeadSync.Core.Intake.Fields;

/// <summary>
/// Maps field names to <see cref="LeadField"/>: the canonical names used in settings, and the common names marketing
/// tools give their form fields (<c>first_name</c>, <c>FNAME</c>, <c>jobtitle</c>…). Case, <c>_</c>, <c>-</c>, <c>.</c>
/// and spaces are ignored.
/// </summary>
public static class LeadFieldNames
{
    private static readonly Dictionary<string, LeadField> Known = Build();

    public static bool TryParse(string? name, out LeadField field)
    {
        field = default;
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64)
        {
            return false;
        }

        return Known.TryGetValue(Squash(name), out field);
    }

    private static string Squash(string name)
    {
        Span<char> buffer = stackalloc char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    private static Dictionary<string, LeadField> Build()
    {
        var map = new Dictionary<string, LeadField>(StringComparer.Ordinal);
        void Add(LeadField field, params string[] names)
        {
            foreach (var name in names)
            {
                map[Squash(name)] = field;
            }
        }

        foreach (var field in Enum.GetValues<LeadField>())
        {
            Add(field, field.ToString());
        }

        Add(LeadField.Email, "email_address", "e-mail", "work_email", "business_email", "emailaddress1");
        Add(LeadField.FirstName, "first_name", "fname", "given_name", "forename");
        Add(LeadField.LastName, "last_name", "lname", "surname", "family_name");
        Add(LeadField.FullName, "full_name", "name", "your_name", "contact_name");
        Add(LeadField.Company, "company_name", "organization", "organisation", "business_name", "work_company");
        Add(LeadField.Phone, "phone_number", "mobile", "mobile_phone", "mobilephone", "telephone", "work_phone");
        Add(LeadField.Title, "job_title", "jobtitle", "position", "role");
        Add(LeadField.Country, "country_code", "country_name", "countrycode");
        Add(LeadField.Score, "lead_score", "leadscore", "hubspotscore");
        Add(LeadField.Campaign, "campaign_name");
        Add(LeadField.ConsentMarketing, "marketing_consent", "opt_in", "optin", "newsletter", "subscribe", "consent", "marketing_opt_in", "email_opt_in", "accepts_marketing");
        Add(LeadField.ConsentTerms, "terms", "privacy", "gdpr", "gdpr_consent", "accept_terms", "privacy_policy");
        Add(LeadField.Timeline, "purchase_timeline", "timeframe");
        return map;
    }
}
