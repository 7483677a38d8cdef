using System.Text.Json;

namespace LeadSync.Reliability.Tests.Security;

/// <summary>
/// Reads the live <c>/api/openapi.json</c> and lists every operation that requires the admin identity (its
/// <c>security</c> names <c>adminKey</c>), with path parameters filled in (each enum value, else a sample).
/// Also lists the paths under <c>/admin/</c> whose operations declare no security: there must be none.
/// </summary>
public static class AdminRouteCatalog
{
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["id"] = "ld_2ke4b8gzwqtt5gbp5pd0g8s4",
        ["job"] = "redrive",
    };

    public static (IReadOnlyList<AdminRoute> Routes, IReadOnlyList<string> Unsecured) Read(JsonElement document)
    {
        var prefix = document.TryGetProperty("servers", out var servers) ? servers[0].GetProperty("url").GetString()!.Trim('/') : "api";
        var routes = new List<AdminRoute>();
        var unsecured = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var enums = PathEnums(path.Value);
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name != "parameters"))
            {
                var secured = operation.Value.TryGetProperty("security", out var security) &&
                    security.EnumerateArray().Any(s => s.TryGetProperty("adminKey", out _));
                if (!secured)
                {
                    if (path.Name.StartsWith("/admin/", StringComparison.Ordinal))
                    {
                        unsecured.Add(operation.Name.ToUpperInvariant() + " " + path.Name);
                    }

                    continue;
                }

                foreach (var concrete in Expand(path.Name, enums))
                {
                    routes.Add(new AdminRoute(operation.Name.ToUpperInvariant(), path.Name, prefix + concrete));
                }
            }
        }

        return (routes, unsecured);
    }

    private static Dictionary<string, string[]> PathEnums(JsonElement pathItem)
    {
        var enums = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (pathItem.TryGetProperty("parameters", out var parameters))
        {
            foreach (var parameter in parameters.EnumerateArray())
            {
                if (parameter.TryGetProperty("schema", out var schema) && schema.TryGetProperty("enum", out var values))
                {
                    enums[parameter.GetProperty("name").GetString()!] = [.. values.EnumerateArray().Select(v => v.GetString()!)];
                }
            }
        }

        return enums;
    }

    private static IEnumerable<string> Expand(string template, Dictionary<string, string[]> enums)
    {
        var open = template.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return [template];
        }

        var close = template.IndexOf('}', open);
        var name = template[(open + 1)..close];
        var values = enums.TryGetValue(name, out var listed) ? listed : [Samples.GetValueOrDefault(name, "x_1")];
        return values.SelectMany(v => Expand(template[..open] + Uri.EscapeDataString(v) + template[(close + 1)..], enums));
    }
}
