using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LeadSync.Testing.Crm;

/// <summary>
/// Owners v3 (<c>GET /crm/v3/owners</c>, <c>limit</c>/<c>after</c> paging, <c>archived</c>; vendor/specs/hubspot
/// owners-v3) and companies search by <c>domain</c> (<c>POST /crm/v3/objects/companies/search</c>).
/// </summary>
public sealed partial class HubSpotSimulator
{
    public List<CrmUser> Owners { get; } = [];

    public List<CrmAccount> Companies { get; } = [];

    public int OwnerPages { get; private set; }

    public int CompanySearches { get; private set; }

    private void MapDirectory(WebApplication app)
    {
        app.MapGet("/crm/v3/owners", ListOwnersAsync);
        app.MapPost("/crm/v3/objects/companies/search", SearchCompaniesAsync);
    }

    private async Task ListOwnersAsync(HttpContext context)
    {
        if (await RefuseAsync(context))
        {
            return;
        }

        var limit = int.TryParse(context.Request.Query["limit"], CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 500) : 100;
        var archived = string.Equals(context.Request.Query["archived"], "true", StringComparison.OrdinalIgnoreCase);
        var after = context.Request.Query["after"].ToString();
        List<CrmUser> page;
        bool more;
        lock (_lock)
        {
            OwnerPages++;
            var all = Owners.Where(o => o.Active != archived).OrderBy(o => o.Id, StringComparer.Ordinal).ToList();
            var rest = after.Length == 0 ? all : all.SkipWhile(o => string.CompareOrdinal(o.Id, after) < 0).ToList();
            page = [.. rest.Take(limit)];
            more = rest.Count > limit;
        }

        var results = new JsonArray([.. page.Select(o => (JsonNode)new JsonObject
        {
            ["id"] = o.Id,
            ["email"] = o.Email,
            ["type"] = o.IsQueue ? "QUEUE" : "PERSON",
            ["firstName"] = o.FirstName,
            ["lastName"] = o.LastName,
            ["userId"] = o.Active ? 8000000 + page.IndexOf(o) : null,
            ["createdAt"] = "2026-01-01T00:00:00.000Z",
            ["updatedAt"] = "2026-01-01T00:00:00.000Z",
            ["archived"] = !o.Active,
            ["teams"] = new JsonArray([.. o.Teams.Select(t => (JsonNode)new JsonObject { ["id"] = t.Id, ["name"] = t.Name, ["primary"] = t.Primary })]),
        })]);
        var body = new JsonObject { ["results"] = results };
        if (more)
        {
            lock (_lock)
            {
                var next = Owners.Where(o => o.Active != archived).OrderBy(o => o.Id, StringComparer.Ordinal)
                    .SkipWhile(o => string.CompareOrdinal(o.Id, page[^1].Id) <= 0).First().Id;
                body["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = next, ["link"] = $"https://api.hubapi.com/crm/v3/owners?after={next}" } };
            }
        }

        await ScriptedFaults.WriteAsync(context, 200, body.ToJsonString(), []);
    }

    private async Task SearchCompaniesAsync(HttpContext context)
    {
        if (await RefuseAsync(context))
        {
            return;
        }

        var request = await JsonNode.ParseAsync(context.Request.Body);
        var filter = request?["filterGroups"]?[0]?["filters"]?[0];
        if (filter?["propertyName"]?.GetValue<string>() != "domain" || filter["operator"]?.GetValue<string>() != "EQ")
        {
            await ScriptedFaults.WriteAsync(context, 400, """{"status":"error","message":"unexpected search","category":"VALIDATION_ERROR"}""", []);
            return;
        }

        var domain = filter["value"]!.GetValue<string>();
        var wanted = (request!["properties"]?.AsArray() ?? []).Select(p => p!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        List<CrmAccount> found;
        lock (_lock)
        {
            CompanySearches++;
            found = [.. Companies.Where(c => c.Website.Equals(domain, StringComparison.OrdinalIgnoreCase))];
        }

        var results = new JsonArray([.. found.Select(c =>
        {
            var properties = new JsonObject { ["hs_object_id"] = c.Id };
            if (wanted.Contains("name"))
            {
                properties["name"] = c.Name;
            }

            if (wanted.Contains("domain"))
            {
                properties["domain"] = c.Website;
            }

            if (wanted.Contains("hubspot_owner_id"))
            {
                properties["hubspot_owner_id"] = c.OwnerId;
            }

            return (JsonNode)new JsonObject { ["id"] = c.Id, ["properties"] = properties, ["archived"] = false, ["createdAt"] = "2026-01-01T00:00:00Z", ["updatedAt"] = "2026-01-01T00:00:00Z" };
        })]);
        await ScriptedFaults.WriteAsync(context, 200, new JsonObject { ["total"] = found.Count, ["results"] = results }.ToJsonString(), []);
    }
}
