using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace LeadSync.Testing.Crm;

/// <summary>
/// <c>GET systemusers</c> (<c>$select</c>, <c>applicationid eq null</c>, pages of <c>Prefer: odata.maxpagesize</c> with
/// <c>@odata.nextLink</c>/<c>$skiptoken</c>; FACTS E5 systemuser columns) and <c>GET accounts</c> with
/// <c>contains(websiteurl,'…')</c> and <c>$top</c>.
/// </summary>
public sealed partial class DynamicsSimulator
{
    private static readonly string[] UserColumns = ["systemuserid", "fullname", "internalemailaddress", "isdisabled", "_parentsystemuserid_value"];

    public List<CrmUser> SystemUserRecords { get; } = [];

    /// <summary>Application users (<c>applicationid</c> set): never listed by the directory sync's filter.</summary>
    public List<CrmUser> ApplicationUsers { get; } = [];

    public List<CrmAccount> Accounts { get; } = [];

    /// <summary>Rows per systemusers page regardless of the client's <c>Prefer: odata.maxpagesize</c> (to test paging).</summary>
    public int? UserPageSize { get; set; }

    private async Task<bool> TryServeDirectoryAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (context.Request.Method != "GET" || path is not ("/api/data/v9.2/systemusers" or "/api/data/v9.2/accounts"))
        {
            return false;
        }

        var select = context.Request.Query["$select"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (path.EndsWith("systemusers", StringComparison.Ordinal))
        {
            if (select.Any(c => !UserColumns.Contains(c)))
            {
                await Error(context, 400, "0x80060888", "Could not find a property named in $select on type 'Microsoft.Dynamics.CRM.systemuser'.");
                return true;
            }

            var pageSize = UserPageSize ?? PreferredPageSize(context) ?? 5000;
            var skip = int.TryParse(context.Request.Query["$skiptoken"], CultureInfo.InvariantCulture, out var s) ? s : 0;
            var withApps = context.Request.Query["$filter"].ToString() != "applicationid eq null";
            List<CrmUser> users;
            lock (_lock)
            {
                users = [.. SystemUserRecords.Concat(withApps ? ApplicationUsers : []).OrderBy(u => u.Id, StringComparer.Ordinal)];
            }

            var page = users.Skip(skip).Take(pageSize).Select(u => (JsonNode)new JsonObject
            {
                ["@odata.etag"] = "W/\"1\"",
                ["systemuserid"] = u.Id,
                ["fullname"] = u.FullName,
                ["internalemailaddress"] = u.Email,
                ["isdisabled"] = !u.Active,
                ["_parentsystemuserid_value"] = u.ManagerId,
            }).ToList();
            var body = new JsonObject { ["@odata.context"] = "https://org.crm.dynamics.com/api/data/v9.2/$metadata#systemusers", ["value"] = new JsonArray([.. page]) };
            if (skip + pageSize < users.Count)
            {
                body["@odata.nextLink"] = $"https://org.crm.dynamics.com/api/data/v9.2/systemusers?$select={string.Join(',', select)}&$skiptoken={skip + pageSize}";
            }

            await ScriptedFaults.WriteAsync(context, 200, body.ToJsonString(), []);
            return true;
        }

        var filter = ContainsPattern().Match(context.Request.Query["$filter"].ToString());
        if (!filter.Success)
        {
            await Error(context, 400, "0x80060888", "Unsupported $filter on accounts.");
            return true;
        }

        var top = int.TryParse(context.Request.Query["$top"], CultureInfo.InvariantCulture, out var t) ? t : 5000;
        List<CrmAccount> accounts;
        lock (_lock)
        {
            accounts = [.. Accounts.Where(a => a.Website.Contains(filter.Groups["value"].Value, StringComparison.OrdinalIgnoreCase)).Take(top)];
        }

        var rows = accounts.Select(a => (JsonNode)new JsonObject
        {
            ["@odata.etag"] = "W/\"1\"",
            ["accountid"] = a.Id,
            ["name"] = a.Name,
            ["websiteurl"] = a.Website,
            ["_ownerid_value"] = a.OwnerId,
        });
        await ScriptedFaults.WriteAsync(context, 200, new JsonObject { ["value"] = new JsonArray([.. rows]) }.ToJsonString(), []);
        return true;
    }

    private static int? PreferredPageSize(HttpContext context)
    {
        var prefer = context.Request.Headers["Prefer"].ToString();
        var match = MaxPageSizePattern().Match(prefer);
        return match.Success ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^contains\(websiteurl,'(?<value>[^']*)'\)$")]
    private static partial Regex ContainsPattern();

    [GeneratedRegex(@"odata\.maxpagesize=(?<n>\d+)")]
    private static partial Regex MaxPageSizePattern();
}
