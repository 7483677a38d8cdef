using static LeadSync.Infrastructure.Crm.Salesforce.SalesforceRecordMapper;

namespace LeadSync.Infrastructure.Crm.Salesforce;

/// <summary>
/// The people directory's Salesforce side: standard <c>User</c>s with their <c>ManagerId</c> (one SOQL, every page),
/// and the <c>Account</c> whose <c>Website</c> is a lead's e-mail domain (its <c>OwnerId</c> gets the lead).
/// </summary>
internal sealed partial class SalesforceGateway : ICrmUserSource, ICrmAccountLookup
{
    internal const string UsersSoql = "SELECT Id, Name, Email, IsActive, ManagerId FROM User WHERE UserType = 'Standard' ORDER BY Id";

    string ICrmUserSource.Crm => CrmProviders.Salesforce;

    public async Task<IReadOnlyList<SyncedUser>> ListUsersAsync(CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        if (Throttled(o) is { } stop)
        {
            throw new CrmUnavailableException(Name, stop);
        }

        var users = new List<SyncedUser>();
        await QueryAllAsync(UsersSoql, "User", o, record =>
        {
            if (Str(record, "Id") is { } id)
            {
                var active = !record.TryGetValue("IsActive", out var flag) || flag.ValueKind != System.Text.Json.JsonValueKind.False;
                users.Add(new SyncedUser(id, Str(record, "Email"), Str(record, "Name"), active) { ManagerCrmUserId = Str(record, "ManagerId") });
            }
        }, cancellationToken);
        return users;
    }

    /// <summary>
    /// Accounts whose <c>Website</c> contains the domain (SOQL <c>LIKE</c>, at most 20), then the first whose host is
    /// exactly the domain (with or without <c>www.</c>), oldest first.
    /// </summary>
    public async Task<AccountMatch?> FindByDomainAsync(string domain, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        if (Throttled(o) is { } stop)
        {
            throw new CrmUnavailableException(Name, stop);
        }

        var safe = new string(domain.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-').ToArray());
        AccountMatch? found = null;
        await QueryAllAsync($"SELECT Id, Name, OwnerId, Website FROM Account WHERE Website LIKE '%{safe}%' ORDER BY CreatedDate LIMIT 20", "Account", o, record =>
        {
            if (found is null && WebsiteDomain.Matches(Str(record, "Website"), domain) && Str(record, "Id") is { } id)
            {
                found = new AccountMatch(domain, id, Str(record, "Name") ?? id, Str(record, "OwnerId"));
            }
        }, cancellationToken);
        return found;
    }
}
