namespace LeadSync.Infrastructure.Crm.Changes;

/// <summary>HubSpot app webhook subscriptions (<c>LeadSync:Crm:Changes:HubSpot</c>).</summary>
public sealed class HubSpotChangeOptions
{
    /// <summary>The app's client secret: it keys <c>X-HubSpot-Signature-v3</c>. Empty: the route answers 404.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>HubSpot says to refuse a request whose <c>X-HubSpot-Request-Timestamp</c> is older than five minutes.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary><c>hs_lead_status</c> values that mean "a rep tried" (default <c>ATTEMPTED_TO_CONTACT</c>).</summary>
    public IList<string> AttemptLeadStatuses { get; set; } = [];

    /// <summary><c>hs_lead_status</c> values that mean nothing for the handoff (default <c>NEW</c>, <c>OPEN</c>).</summary>
    public IList<string> IgnoredLeadStatuses { get; set; } = [];

    /// <summary><c>lifecyclestage</c> values that mean converted (default <c>opportunity</c>, <c>customer</c>).</summary>
    public IList<string> ConvertedLifecycleStages { get; set; } = [];

    /// <summary><c>lifecyclestage</c> values that mean nothing for the handoff (default the marketing stages).</summary>
    public IList<string> IgnoredLifecycleStages { get; set; } = [];

    internal static readonly string[] DefaultAttemptLeadStatuses = ["ATTEMPTED_TO_CONTACT"];
    internal static readonly string[] DefaultIgnoredLeadStatuses = ["NEW", "OPEN"];
    internal static readonly string[] DefaultConvertedLifecycleStages = ["opportunity", "customer"];
    internal static readonly string[] DefaultIgnoredLifecycleStages = ["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead"];
}
