namespace LeadSync.Infrastructure.Crm.Changes;

/// <summary>Salesforce Outbound Messages (<c>LeadSync:Crm:Changes:Salesforce</c>).</summary>
public sealed class SalesforceChangeOptions
{
    /// <summary>The org's 15- or 18-character id; a message from another org is refused.</summary>
    public string OrganizationId { get; set; } = "";

    /// <summary>The secret last segment of the endpoint URL (≥ 32 characters). Empty: the route answers 404.</summary>
    public string PathSecret { get; set; } = "";

    /// <summary>Lead.Status values that mean nothing for the handoff (default <c>Open - Not Contacted</c>).</summary>
    public IList<string> IgnoredStatuses { get; set; } = [];

    internal static readonly string[] DefaultIgnoredStatuses = ["Open - Not Contacted"];
}
