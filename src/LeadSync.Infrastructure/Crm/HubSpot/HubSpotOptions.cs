namespace LeadSync.Infrastructure.Crm.HubSpot;

/// <summary>HubSpot CRM v3 settings (<c>LeadSync:Crm:HubSpot</c>).</summary>
public sealed class HubSpotOptions : ICrmProviderOptions
{
    public const string Section = "LeadSync:Crm:HubSpot";

    public Uri BaseUrl { get; set; } = new("https://api.hubapi.com");

    /// <summary>Private app access token (scopes crm.objects.contacts.read and crm.objects.contacts.write).</summary>
    [Required]
    public string AccessToken { get; set; } = "";

    /// <summary>Contacts per batch upsert call (HubSpot allows 100).</summary>
    [Range(1, 100)]
    public int BatchSize { get; set; } = 100;

    [Required]
    public string LeadStatusProperty { get; set; } = "hs_lead_status";

    /// <summary>Lead status written when a sales-ready lead is upserted; empty leaves the property alone.</summary>
    public string NewLeadStatus { get; set; } = "NEW";

    /// <summary>
    /// Read the contacts' status (one batch read per upsert batch) before writing <see cref="NewLeadStatus"/>, so a
    /// contact sales has worked, closed or linked to a deal keeps its status (README "Never backwards"). False saves
    /// that call and writes the new-lead status on every upsert, as before.
    /// </summary>
    public bool KeepWorkedStatus { get; set; } = true;

    /// <summary>Lead status the recycle job writes.</summary>
    [Required]
    public string RecycledLeadStatus { get; set; } = "BAD_TIMING";

    /// <summary>Date property that, once set, means sales made contact.</summary>
    public string LastContactedProperty { get; set; } = "notes_last_contacted";

    /// <summary>Number property read as the count of contact attempts (sales activities logged on the contact).</summary>
    public string AttemptsProperty { get; set; } = "num_contacted_notes";

    /// <summary>
    /// For the follow-up cadence: the engagement objects associated with the contact that count as attempts (default
    /// calls, emails, meetings), each at its <c>hs_timestamp</c>; incoming e-mails do not count. Empty the list with
    /// <see cref="ReadEngagements"/> false to count the <see cref="AttemptsProperty"/> only (without times).
    /// </summary>
    public IList<string> AttemptEngagementTypes { get; set; } = [];

    /// <summary>Read engagements for the cadence (associations v4 batch read, then a batch read per type); false counts the property only.</summary>
    public bool ReadEngagements { get; set; } = true;

    /// <summary>Date property of the last sales activity; once set it also means contacted.</summary>
    public string LastSalesActivityProperty { get; set; } = "hs_last_sales_activity_timestamp";

    /// <summary>Owner property read back after upsert and written by a <c>reassign</c> escalation.</summary>
    [Required]
    public string OwnerProperty { get; set; } = "hubspot_owner_id";

    /// <summary>Pool (SLA tier name) → owner ids a <c>reassign</c> escalation picks from (HubSpot has no queues).</summary>
    public Dictionary<string, CrmReassignPool> Reassign { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Lifecycle stage property read before LeadSync writes to a contact (README "Never backwards").</summary>
    public string LifecycleStageProperty { get; set; } = "lifecyclestage";

    /// <summary>Lifecycle stages that mean the contact is converted (default opportunity, customer, evangelist).</summary>
    public IList<string> ConvertedLifecycleStages { get; set; } = [];

    /// <summary>Number property counting the contact's deals (HubSpot's calculated <c>num_associated_deals</c>); above 0 means converted. Empty turns it off.</summary>
    public string DealCountProperty { get; set; } = "num_associated_deals";

    /// <summary><c>hs_lead_status</c> values that mean "sales is working it" (default ATTEMPTED_TO_CONTACT, CONNECTED, IN_PROGRESS).</summary>
    public IList<string> ContactedStatuses { get; set; } = [];

    public IList<string> ConvertedStatuses { get; set; } = [];

    public IList<string> DisqualifiedStatuses { get; set; } = [];

    /// <summary>Statuses that send the lead back to nurture besides <see cref="RecycledLeadStatus"/>.</summary>
    public IList<string> NurtureStatuses { get; set; } = [];

    /// <summary>Canonical field → contact property. Email is required: HubSpot upserts contacts by e-mail.</summary>
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["LeadId"] = "",
        ["Email"] = "email",
        ["FirstName"] = "firstname",
        ["LastName"] = "lastname",
        ["Company"] = "company",
        ["Phone"] = "phone",
        ["Title"] = "jobtitle",
        ["Country"] = "country",
    };

    /// <summary>The HubSpot account (portal, "Hub ID") number: the console links each lead to its contact record with it; empty: no link.</summary>
    public string? PortalId { get; set; }

    /// <summary>IANA/Windows time zone of the HubSpot account: the daily limit resets at its midnight.</summary>
    [Required]
    public string AccountTimeZone { get; set; } = "UTC";

    /// <summary>Defaults to the Free/Starter private-app limit (100 per 10 s); Professional/Enterprise may use 190.</summary>
    public CrmResilienceOptions Resilience { get; set; } = new()
    {
        RateLimitPermits = 100,
        RateLimitWindow = TimeSpan.FromSeconds(10),
    };

    internal static readonly string[] DefaultAttemptEngagementTypes = ["calls", "emails", "meetings"];
    internal static readonly string[] DefaultContactedStatuses = ["ATTEMPTED_TO_CONTACT", "CONNECTED", "IN_PROGRESS"];
    internal static readonly string[] DefaultConvertedStatuses = ["OPEN_DEAL"];
    internal static readonly string[] DefaultDisqualifiedStatuses = ["UNQUALIFIED"];
    internal static readonly string[] DefaultConvertedLifecycleStages = ["opportunity", "customer", "evangelist"];

    IEnumerable<ValidationResult> ICrmProviderOptions.ValidateSettings()
    {
        foreach (var key in Fields.Keys.Where(k => !CanonicalField.IsKnown(k)))
        {
            yield return new ValidationResult($"{Section}:Fields:{key} is not a canonical field.", [nameof(Fields)]);
        }

        if (!Fields.TryGetValue(CanonicalField.Email, out var email) || string.IsNullOrWhiteSpace(email))
        {
            yield return new ValidationResult($"{Section}:Fields:Email must be mapped: contacts are upserted by e-mail.", [nameof(Fields)]);
        }

        if (PortalId is { Length: > 0 } portal && (portal.Length > 20 || !portal.All(char.IsAsciiDigit)))
        {
            yield return new ValidationResult($"{Section}:PortalId must be the account's Hub ID (digits) or empty.", [nameof(PortalId)]);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(AccountTimeZone, out _))
        {
            yield return new ValidationResult($"{Section}:AccountTimeZone '{AccountTimeZone}' is not a known time zone.", [nameof(AccountTimeZone)]);
        }

        foreach (var result in ReassignPoolValidation.Validate(Reassign, Section, queuesAllowed: false,
            _ => false, id => id.Length is > 0 and <= 20 && id.All(char.IsAsciiDigit), "", "a HubSpot owner id (digits)"))
        {
            yield return result;
        }

        foreach (var result in Resilience.Validate(Section))
        {
            yield return result;
        }
    }
}
