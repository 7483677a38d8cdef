namespace LeadSync.Infrastructure.Crm.Salesforce;

/// <summary>Salesforce REST settings (<c>LeadSync:Crm:Salesforce</c>).</summary>
public sealed partial class SalesforceOptions : ICrmProviderOptions
{
    public const string Section = "LeadSync:Crm:Salesforce";

    /// <summary>
    /// My Domain URL, e.g. <c>https://acme.my.salesforce.com</c>. The client-credentials token is requested from
    /// <c>{MyDomainUrl}/services/oauth2/token</c> (login.salesforce.com does not issue these tokens).
    /// </summary>
    [Required]
    public Uri? MyDomainUrl { get; set; }

    /// <summary>REST base URL when it differs from <see cref="MyDomainUrl"/>; normally left empty.</summary>
    public Uri? InstanceUrl { get; set; }

    /// <summary>Consumer key of the connected app / external client app with the client-credentials flow enabled.</summary>
    [Required]
    public string ClientId { get; set; } = "";

    [Required]
    public string ClientSecret { get; set; } = "";

    /// <summary>REST API version without the "v"; sObject Collections upsert needs 46.0 or later.</summary>
    [Required]
    [RegularExpression(@"^\d{2,3}\.0$")]
    public string ApiVersion { get; set; } = "62.0";

    /// <summary>API name of the Lead external-id field that holds the LeadSync id (unique, external id).</summary>
    [Required]
    [RegularExpression(@"^[A-Za-z][A-Za-z0-9_]*$")]
    public string ExternalIdField { get; set; } = "LeadSync_Id__c";

    /// <summary>Salesforce returns no expiry with client-credentials tokens: reuse one this long (a 401 renews it early).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Leads per sObject Collections upsert (Salesforce allows 200).</summary>
    [Range(1, 200)]
    public int BatchSize { get; set; } = 200;

    /// <summary>Lead.Status the recycle job writes. Must exist in the org's Lead Status picklist.</summary>
    [Required]
    public string RecycledStatus { get; set; } = "Recycled";

    /// <summary>Lead.Status values that mean "sales made contact".</summary>
    public IList<string> ContactedStatuses { get; set; } = [];

    /// <summary>Lead.Status values that mean "sales disqualified it" (IsConverted covers conversion).</summary>
    public IList<string> DisqualifiedStatuses { get; set; } = [];

    /// <summary>Lead.Status values that send the lead back to marketing nurture (besides <see cref="RecycledStatus"/>).</summary>
    public IList<string> NurtureStatuses { get; set; } = [];

    /// <summary>Lead.LastName and Lead.Company are required by Salesforce; this fills them when the lead has none.</summary>
    [Required]
    public string MissingValuePlaceholder { get; set; } = "[not provided]";

    /// <summary>Canonical field → Lead field API name. An empty value switches a field off.</summary>
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["LeadId"] = "",
        ["Email"] = "Email",
        ["FirstName"] = "FirstName",
        ["LastName"] = "LastName",
        ["Company"] = "Company",
        ["Phone"] = "Phone",
        ["Title"] = "Title",
        ["Country"] = "Country",
        ["Source"] = "LeadSource",
    };

    /// <summary>
    /// Read the Lead's Tasks (<c>WhoId</c>) with the touches: each Task whose Status is in
    /// <see cref="AttemptTaskStatuses"/> counts as one contact attempt, the earliest one is the first touch.
    /// </summary>
    public bool ReadTasks { get; set; } = true;

    /// <summary>Task.Status values that count as an attempt (default <c>Completed</c>).</summary>
    public IList<string> AttemptTaskStatuses { get; set; } = [];

    /// <summary>
    /// For the follow-up cadence: also count the Lead's Events (<c>WhoId</c>; meetings whose <c>StartDateTime</c> has
    /// passed) as attempts, one more SOQL query (and its pages) per 100 leads in the sweep's activity read.
    /// </summary>
    public bool ReadEvents { get; set; } = true;

    /// <summary>
    /// Pool (SLA tier name) → new owner of a <c>reassign</c> escalation: a queue id (<c>00G…</c>) or user ids
    /// (<c>005…</c>) picked per lead and level.
    /// </summary>
    public Dictionary<string, CrmReassignPool> Reassign { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Stop calling when <c>Sforce-Limit-Info</c> shows this share of the 24 h allocation used.</summary>
    [Range(0.1, 1.0)]
    public double ApiUsageCeiling { get; set; } = 0.95;

    /// <summary>How long a lead waits after the org's API allocation is exhausted (403 REQUEST_LIMIT_EXCEEDED).</summary>
    public TimeSpan QuotaRetryAfter { get; set; } = TimeSpan.FromHours(1);

    public CrmResilienceOptions Resilience { get; set; } = new()
    {
        RateLimitPermits = 25,
        RateLimitWindow = TimeSpan.FromSeconds(1),
    };

    internal static readonly string[] DefaultContactedStatuses = ["Working - Contacted"];
    internal static readonly string[] DefaultDisqualifiedStatuses = ["Closed - Not Converted"];
    internal static readonly string[] DefaultAttemptTaskStatuses = ["Completed"];

    IEnumerable<ValidationResult> ICrmProviderOptions.ValidateSettings()
    {
        foreach (var key in Fields.Keys.Where(k => !CanonicalField.IsKnown(k)))
        {
            yield return new ValidationResult($"{Section}:Fields:{key} is not a canonical field.", [nameof(Fields)]);
        }

        if (TokenLifetime < TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult($"{Section}:TokenLifetime must be at least one minute.", [nameof(TokenLifetime)]);
        }

        foreach (var result in ReassignPoolValidation.Validate(Reassign, Section, queuesAllowed: true,
            id => IsId(id, "00G"), id => IsId(id, "005"), "a Salesforce queue id (15 or 18 characters, 00G…)", "a Salesforce user id (15 or 18 characters, 005…)"))
        {
            yield return result;
        }

        foreach (var result in Resilience.Validate(Section))
        {
            yield return result;
        }
    }

    private static bool IsId(string id, string prefix) =>
        id.StartsWith(prefix, StringComparison.Ordinal) && IdPattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$")]
    private static partial Regex IdPattern();
}
