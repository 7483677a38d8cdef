namespace LeadSync.Core.Admin;

/// <summary>
/// The field-level difference between two versions of an admin document: every leaf value that was added, removed or
/// changed, by JSON path (<c>policies[0].levels[1].after</c>). Arrays are compared position by position.
/// </summary>
public static class AdminDocumentDiff
{
    public static IReadOnlyList<AdminFieldChange> Between(string beforeJson, string afterJson)
    {
        var changes = new List<AdminFieldChange>();
        Compare(string.Empty, JsonNode.Parse(beforeJson), JsonNode.Parse(afterJson), changes);
        return changes;
    }

    private static void Compare(string path, JsonNode? before, JsonNode? after, List<AdminFieldChange> changes)
    {
        switch (before, after)
        {
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal))
                {
                    Compare(path.Length == 0 ? key : $"{path}.{key}", a[key], b[key], changes);
                }

                break;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                {
                    Compare(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), i < a.Count ? a[i] : null, i < b.Count ? b[i] : null, changes);
                }

                break;
            default:
                if (!JsonNode.DeepEquals(before, after))
                {
                    changes.Add(new AdminFieldChange(path.Length == 0 ? "$" : path, before?.DeepClone(), after?.DeepClone()));
                }

                break;
        }
    }
}
