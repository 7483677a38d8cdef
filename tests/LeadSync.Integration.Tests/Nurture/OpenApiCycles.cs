using System.Text.Json.Nodes;

namespace LeadSync.Integration.Tests.Nurture;

/// <summary>
/// Breaks reference cycles among an OpenAPI document's component schemas: inside a schema that lies on a cycle, a
/// reference to another schema of the same cycle becomes <c>{}</c> (any value). Every path, operation and other
/// schema is left exactly as published. Needed because Prism's dereferencer does not finish on large mutual cycles.
/// </summary>
public static class OpenApiCycles
{
    private const string SchemaPrefix = "#/components/schemas/";

    /// <summary>A copy of <paramref name="document"/> with the cycles broken, and the schemas that changed.</summary>
    public static JsonObject Relax(JsonObject document) => Relax(document, out _);

    public static JsonObject Relax(JsonObject document, out IReadOnlyList<string> changed)
    {
        var copy = document.DeepClone().AsObject();
        var schemas = copy["components"]?["schemas"] as JsonObject ?? [];
        var graph = schemas.ToDictionary(s => s.Key, s => References(s.Value).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var reach = graph.Keys.ToDictionary(k => k, k => Reachable(graph, k), StringComparer.Ordinal);
        var list = new List<string>();
        foreach (var name in graph.Keys.Where(k => reach[k].Contains(k)).Order(StringComparer.Ordinal))
        {
            if (Replace(schemas[name]!, target => reach.TryGetValue(target, out var back) && back.Contains(name)))
            {
                list.Add(name);
            }
        }

        changed = list;
        return copy;
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o when o["$ref"] is JsonValue r && r.TryGetValue<string>(out var value) && value.StartsWith(SchemaPrefix, StringComparison.Ordinal) =>
            [value[SchemaPrefix.Length..]],
        JsonObject o => o.SelectMany(p => References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };

    private static HashSet<string> Reachable(Dictionary<string, HashSet<string>> graph, string start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(graph[start]);
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next) && graph.TryGetValue(next, out var targets))
            {
                foreach (var t in targets)
                {
                    pending.Push(t);
                }
            }
        }

        return seen;
    }

    /// <summary>Replaces, inside <paramref name="node"/>, every schema reference <paramref name="closesCycle"/> picks with <c>{}</c>.</summary>
    private static bool Replace(JsonNode node, Func<string, bool> closesCycle)
    {
        var changed = false;
        var children = node switch
        {
            JsonObject o => o.Select(p => (Key: (object)p.Key, p.Value)).ToList(),
            JsonArray a => a.Select((v, i) => (Key: (object)i, Value: v)).ToList(),
            _ => [],
        };
        foreach (var (key, child) in children)
        {
            if (child is JsonObject r && r["$ref"] is JsonValue v && v.TryGetValue<string>(out var target) &&
                target.StartsWith(SchemaPrefix, StringComparison.Ordinal) && closesCycle(target[SchemaPrefix.Length..]))
            {
                if (key is string name)
                {
                    node[name] = new JsonObject();
                }
                else
                {
                    node[(int)key] = new JsonObject();
                }

                changed = true;
            }
            else if (child is not null)
            {
                changed |= Replace(child, closesCycle);
            }
        }

        return changed;
    }
}
