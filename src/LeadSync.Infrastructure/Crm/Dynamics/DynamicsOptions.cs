namespace LeadSync.Infrastructure.Crm.Dynamics;

/// <summary>Dynamics 365 / Dataverse Web API settings (<c>LeadSync:Crm:Dynamics</c>).</summary>
public sealed class DynamicsOptions : ICrmProviderOptions
{
    public const string Section = "LeadSync:Crm:Dynamics";

    /// <summary>Environment URL, e.g. <c>https://contoso.crm4.dynamics.com</c>; the token scope is <c>{url}/.default</c>.</summary>
    [Required]
    public Uri? OrganizationUrl { get; set; }

    /// <summary>Microsoft Entra tenant (directory) id of the app registration.</summary>
    [Required]
    public string TenantId { get; set; } = "";

    [Required]
    public string ClientId { get; set; } = "";

    [Required]
    public string ClientSecret { get; set; } = "";

    /// <summary>Entra authority host for sovereign clouds; empty means the public cloud.</summary>
    public Uri? AuthorityHost { get; set; }

    [Required]
    [RegularExpression(@"^\d+\.\d+$")]
    public string ApiVersion { get; set; } = "9.2";

    /// <summary>Logical name of the lead column behind the alternate key that holds the LeadSync id.</summary>
    [Required]
    [RegularExpression(@"^[a-z][a-z0-9_]*$")]
    public string AlternateKeyAttribute { get; set; } = "new_leadsyncid";

    public DynamicsWriteMode WriteMode { get; set; } = DynamicsWriteMode.Upsert;

    /// <summary>Canonical field → lead column logical name. An empty value switches a field off.</summary>
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["LeadId"] = "",
        ["Email"] = "emailaddress1",
        ["FirstName"] = "firstname",
        ["LastName"] = "lastname",
        ["Company"] = "companyname",
        ["Phone"] = "telephone1",
        ["Title"] = "jobtitle",
        ["Country"] = "address1_country",
    };

    /// <summary>Open-lead statuscode values that mean "sales made contact" (default 2 = Contacted).</summary>
    public IList<int> ContactedStatusCodes { get; set; } = [];

    /// <summary>statecode / statuscode the recycle job writes; defaults to Disqualified / No Longer Interested.</summary>
    [Range(0, 2)]
    public int RecycledStateCode { get; set; } = 2;

    [Range(1, int.MaxValue)]
    public int RecycledStatusCode { get; set; } = 6;

    /// <summary>Further statuscode values that send a lead back to nurture.</summary>
    public IList<int> NurtureStatusCodes { get; set; } = [];

    /// <summary>
    /// Read the lead's activities (<c>activitypointers</c> regarding the lead) with the touches: each completed activity
    /// of a type in <see cref="AttemptActivityTypes"/> is one contact attempt, the earliest one is the first touch.
    /// </summary>
    public bool ReadActivities { get; set; } = true;

    /// <summary><c>activitytypecode</c> values that count as attempts (default phonecall, email, appointment).</summary>
    public IList<string> AttemptActivityTypes { get; set; } = [];

    /// <summary>
    /// Pool (SLA tier name) → new owner of a <c>reassign</c> escalation: a team id (<c>Queue</c>, bound as
    /// <c>/teams(id)</c>) or systemuser ids (<c>Owners</c>, bound as <c>/systemusers(id)</c>) picked per lead and level.
    /// </summary>
    public Dictionary<string, CrmReassignPool> Reassign { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Dataverse has no batch upsert by key here: leads in one call are upserted this many at a time.</summary>
    [Range(1, 52)]
    public int MaxParallelRequests { get; set; } = 4;

    /// <summary>Service protection allows 6,000 requests per 300 s per user; the default paces that evenly.</summary>
    public CrmResilienceOptions Resilience { get; set; } = new()
    {
        RateLimitPermits = 100,
        RateLimitWindow = TimeSpan.FromSeconds(5),
    };

    internal static readonly int[] DefaultContactedStatusCodes = [2];
    internal static readonly string[] DefaultAttemptActivityTypes = ["phonecall", "email", "appointment"];

    IEnumerable<ValidationResult> ICrmProviderOptions.ValidateSettings()
    {
        foreach (var key in Fields.Keys.Where(k => !CanonicalField.IsKnown(k)))
        {
            yield return new ValidationResult($"{Section}:Fields:{key} is not a canonical field.", [nameof(Fields)]);
        }

        if (OrganizationUrl is { IsAbsoluteUri: false })
        {
            yield return new ValidationResult($"{Section}:OrganizationUrl must be an absolute URL.", [nameof(OrganizationUrl)]);
        }

        foreach (var result in ReassignPoolValidation.Validate(Reassign, Section, queuesAllowed: true,
            id => Guid.TryParse(id, out _), id => Guid.TryParse(id, out _), "a team id (GUID)", "a systemuser id (GUID)"))
        {
            yield return result;
        }

        foreach (var result in Resilience.Validate(Section))
        {
            yield return result;
        }
    }
}
