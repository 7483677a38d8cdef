namespace LeadSync.Core.Routing;

/// <summary>
/// Finds the CRM's account/company for an e-mail domain (HubSpot company <c>domain</c>, Salesforce Account
/// <c>Website</c>, Dataverse account <c>websiteurl</c>); null when none. Throws <see cref="Crm.CrmReadException"/> when the
/// CRM does not answer.
/// </summary>
public interface ICrmAccountLookup
{
    Task<AccountMatch?> FindByDomainAsync(string domain, CancellationToken cancellationToken);
}
