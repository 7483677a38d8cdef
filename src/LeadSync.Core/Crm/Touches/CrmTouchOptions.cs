namespace LeadSync.Core.Crm.Touches;

/// <summary>Marketing touch records in the CRM (<c>LeadSync:Crm:Touches</c>).</summary>
public sealed class CrmTouchOptions
{
    public const string Section = "LeadSync:Crm:Touches";

    /// <summary>Write one CRM record per marketing touch after the first sync and after every later touch.</summary>
    public bool Enabled { get; set; }
}
