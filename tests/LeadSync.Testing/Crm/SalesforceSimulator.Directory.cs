using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace LeadSync.Testing.Crm;

/// <summary>
/// SOQL over <c>User</c> (<c>Id, Name, Email, IsActive, ManagerId</c>, standard users, paged like every query) and
/// over <c>Account</c> by <c>Website LIKE '%domain%'</c> (FACTS E4: User fields and the query response shape).
/// </summary>
public sealed partial class SalesforceSimulator
{
    public List<CrmUser> SalesUsers { get; } = [];

    public List<CrmAccount> Accounts { get; } = [];

    private IResult? DirectoryQuery(string q)
    {
        if (UserSoqlPattern().Match(q) is { Success: true } users)
        {
            var wanted = users.Groups["select"].Value.Split(',', StringSplitOptions.TrimEntries);
            if (wanted.Any(f => f is not ("Id" or "Name" or "Email" or "IsActive" or "ManagerId")))
            {
                return Error(400, "INVALID_FIELD", "No such column on entity 'User'.");
            }

            List<JsonObject> rows;
            lock (_lock)
            {
                Soql.Add(q);
                rows = [.. SalesUsers.OrderBy(u => u.Id, StringComparer.Ordinal).Select(u => new JsonObject
                {
                    ["attributes"] = new JsonObject { ["type"] = "User", ["url"] = $"/services/data/v62.0/sobjects/User/{u.Id}" },
                    ["Id"] = u.Id,
                    ["Name"] = u.FullName,
                    ["Email"] = u.Email,
                    ["IsActive"] = u.Active,
                    ["ManagerId"] = u.ManagerId,
                })];
            }

            return Page(rows, rows.Count);
        }

        if (AccountSoqlPattern().Match(q) is { Success: true } accounts)
        {
            var fragment = accounts.Groups["like"].Value;
            var limit = int.Parse(accounts.Groups["limit"].Value, CultureInfo.InvariantCulture);
            List<JsonObject> rows;
            lock (_lock)
            {
                Soql.Add(q);
                rows = [.. Accounts.Where(a => a.Website.Contains(fragment, StringComparison.OrdinalIgnoreCase)).Take(limit).Select(a => new JsonObject
                {
                    ["attributes"] = new JsonObject { ["type"] = "Account", ["url"] = $"/services/data/v62.0/sobjects/Account/{a.Id}" },
                    ["Id"] = a.Id,
                    ["Name"] = a.Name,
                    ["OwnerId"] = a.OwnerId,
                    ["Website"] = a.Website,
                })];
            }

            return Page(rows, rows.Count);
        }

        return q.Contains(" FROM User", StringComparison.Ordinal) || q.Contains(" FROM Account", StringComparison.Ordinal)
            ? Error(400, "MALFORMED_QUERY", "unexpected SOQL")
            : null;
    }

    [GeneratedRegex(@"^SELECT (?<select>.+) FROM User WHERE UserType = 'Standard' ORDER BY Id$")]
    private static partial Regex UserSoqlPattern();

    [GeneratedRegex(@"^SELECT Id, Name, OwnerId, Website FROM Account WHERE Website LIKE '%(?<like>[A-Za-z0-9.-]+)%' ORDER BY CreatedDate LIMIT (?<limit>\d+)$")]
    private static partial Regex AccountSoqlPattern();
}
