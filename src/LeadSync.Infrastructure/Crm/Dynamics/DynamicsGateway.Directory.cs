namespace LeadSync.Infrastructure.Crm.Dynamics;

/// <summary>
/// The people directory's Dataverse side: <c>systemuser</c>s (manager = <c>parentsystemuserid</c>, inactive =
/// <c>isdisabled</c>; application users left out), every page; and the <c>account</c> whose <c>websiteurl</c> is a
/// lead's e-mail domain (its <c>ownerid</c> gets the lead).
/// </summary>
internal sealed partial class DynamicsGateway : ICrmUserSource, ICrmAccountLookup
{
    internal const string UserColumns = "systemuserid,fullname,internalemailaddress,isdisabled,_parentsystemuserid_value";

    /// <summary>Interactive users only: application users (<c>applicationid</c> set) take no leads.</summary>
    internal const string UserFilter = "applicationid eq null";

    string ICrmUserSource.Crm => CrmProviders.Dynamics;

    public async Task<IReadOnlyList<SyncedUser>> ListUsersAsync(CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var users = new List<SyncedUser>();
        string? skipToken = null;
        do
        {
            using var response = await api.QuerySystemUsersAsync(o.ApiVersion, UserColumns, UserFilter, skipToken, cancellationToken);
            var outcome = Map(response);
            if (!outcome.Succeeded)
            {
                throw new CrmUnavailableException(Name, outcome);
            }

            foreach (var user in response.Content?.Value ?? [])
            {
                if (user.SystemUserId is { Length: > 0 } id)
                {
                    users.Add(new SyncedUser(id, user.Email, user.FullName, user.IsDisabled != true) { ManagerCrmUserId = user.ManagerId });
                }
            }

            skipToken = SkipToken(response.Content?.NextLink);
        }
        while (skipToken is not null);

        return users;
    }

    public async Task<AccountMatch?> FindByDomainAsync(string domain, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var safe = new string(domain.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-').ToArray());
        using var response = await api.QueryAccountsAsync(o.ApiVersion, "accountid,name,websiteurl,_ownerid_value", $"contains(websiteurl,{Literal(safe)})", 20, cancellationToken);
        var outcome = Map(response);
        if (!outcome.Succeeded)
        {
            throw new CrmUnavailableException(Name, outcome);
        }

        return (response.Content?.Value ?? [])
            .Where(a => a.AccountId is { Length: > 0 } && WebsiteDomain.Matches(a.WebsiteUrl, domain))
            .Select(a => new AccountMatch(domain, a.AccountId!, a.Name ?? a.AccountId!, a.OwnerId))
            .FirstOrDefault();
    }
}
