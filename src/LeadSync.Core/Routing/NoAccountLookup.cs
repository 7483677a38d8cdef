namespace LeadSync.Core.Routing;

/// <summary>For CRM adapters without accounts (the sandbox): no domain ever matches.</summary>
public sealed class NoAccountLookup : ICrmAccountLookup
{
    public Task<AccountMatch?> FindByDomainAsync(string domain, CancellationToken cancellationToken) => Task.FromResult<AccountMatch?>(null);
}
