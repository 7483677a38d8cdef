namespace LeadSync.Web.Admin;

/// <summary>
/// Where each value of an admin resource's effective document comes from: <c>stored vN</c> (an admin's version N),
/// <c>setting</c> (the start-up settings, <c>LeadSync:…</c>) or <c>default</c> (the code's default, nothing set).
/// One entry per top-level field, and per entry of a field that is an object (a calendar, a person, a source).
/// </summary>
public static class AdminValueSources
{
    public const string Default = "default";
    public const string Setting = "setting";

    public static IReadOnlyDictionary<string, string> Of(
        string resource, string effectiveJson, AdminConfigVersion? stored, IConfiguration configuration)
    {
        var effective = JsonNode.Parse(effectiveJson) as JsonObject ?? [];
        var storedDoc = stored is null ? null : JsonNode.Parse(stored.Json) as JsonObject;
        var section = Section(resource);
        var sources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in effective)
        {
            var storedValue = storedDoc?[name];
            sources[name] = SourceOf(resource, name, storedDoc is not null, storedValue, stored?.Version, configuration, $"{section}:{SettingName(name)}");
            if (value is JsonObject entries)
            {
                foreach (var (key, _) in entries)
                {
                    var storedEntry = storedValue is JsonObject storedEntries ? storedEntries[key] : null;
                    sources[$"{name}.{key}"] = SourceOf(resource, name, storedDoc is not null, storedEntry, stored?.Version, configuration,
                        $"{section}:{SettingName(name)}:{key}");
                }
            }
        }

        return sources;
    }

    private static string SourceOf(
        string resource, string field, bool isStored, JsonNode? storedValue, int? version, IConfiguration configuration, string settingKey)
    {
        // An admin document replaces the settings wholesale, except where the running code falls back anyway: an empty
        // SLA ladder (the default rungs), and the fields recycle and connections leave out (null keeps the setting).
        var inherits = resource switch
        {
            AdminResources.SlaPolicies => field == "levels" && storedValue is JsonArray { Count: 0 },
            AdminResources.Recycle or AdminResources.Connections => storedValue is null,
            _ => false,
        };
        if (isStored && !inherits)
        {
            return string.Create(CultureInfo.InvariantCulture, $"stored v{version}");
        }

        // A stored SLA document replaces the configured ladder too: with its ladder empty the built-in rungs run.
        if (resource == AdminResources.SlaPolicies && field == "levels" && (isStored || !HasChildren(configuration.GetSection(settingKey))))
        {
            return Default;
        }

        return configuration.GetSection(settingKey).Exists() ? Setting : Default;
    }

    private static bool HasChildren(IConfigurationSection section) => section.GetChildren().Any();

    private static string Section(string resource) => resource switch
    {
        AdminResources.SlaPolicies => SlaOptions.Section,
        AdminResources.Qualification => QualificationOptions.Section,
        AdminResources.Recycle => RecycleOptions.Section,
        AdminResources.Directory => DirectoryOptions.Section,
        AdminResources.People => PeopleOptions.Section,
        AdminResources.RoutingPolicies => RoutingOptions.Section,
        _ => "LeadSync",
    };

    /// <summary><c>firstTouch</c> → <c>FirstTouch</c> (configuration keys are case-insensitive; this reads better in logs).</summary>
    private static string SettingName(string jsonName) => char.ToUpperInvariant(jsonName[0]) + jsonName[1..];
}
