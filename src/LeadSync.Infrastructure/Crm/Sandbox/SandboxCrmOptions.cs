namespace LeadSync.Infrastructure.Crm.Sandbox;

/// <summary>The built-in sandbox CRM (<c>LeadSync:Crm:Sandbox</c>), kept in LeadSync's own storage.</summary>
public sealed class SandboxCrmOptions
{
    public const string Section = "LeadSync:Crm:Sandbox";

    /// <summary>The owner the sandbox's assignment rule gives every new lead.</summary>
    public string DefaultOwner { get; set; } = "sandbox-rep";

    /// <summary>
    /// The sandbox's own assignment rule, like a CRM's: a new lead whose e-mail domain is listed here gets that owner
    /// (<c>LeadSync:Crm:Sandbox:OwnersByDomain:{domain}</c>); any other gets <see cref="DefaultOwner"/>.
    /// </summary>
    public IDictionary<string, string> OwnersByDomain { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Owners a <c>reassign</c> escalation hands leads to, round-robin (<c>LeadSync:Crm:Sandbox:ReassignPool:0</c>, …).</summary>
    public IList<string> ReassignPool { get; } = [];
}
