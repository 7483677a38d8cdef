using System.ComponentModel;
using System.Globalization;
using LeadSync.Infra.Tests.Support;

namespace LeadSync.Infra.Tests.Settings;

/// <summary>
/// The template and the code agree: every setting an Options class binds is an app setting of the Functions app
/// (so a new setting without a template entry fails here), with the same default.
/// </summary>
[Collection(SnapshotCollection.Name)]
public sealed class AppSettingsCoverageTests(DeploymentSnapshot snapshot)
{
    [Fact]
    public void Every_setting_the_app_binds_is_provided_by_the_function_app_settings()
    {
        var provided = ProvidedKeys();

        var missing = OptionsCatalog.Settings()
            .Where(setting => !IsProvided(setting, provided))
            .Select(setting => $"'{setting.Key}': '{Suggested(setting)}' // {setting.Property.DeclaringType!.Name}.{setting.Property.Name}{(setting.IsCollection ? " (collection)" : string.Empty)}")
            .ToList();

        Assert.True(
            missing.Count == 0,
            "Settings the app binds but infra/main.bicep does not provide (add each to leadSyncSettings, or to "
            + "leadSyncSecrets if it is a secret):\n  " + string.Join("\n  ", missing));
    }

    [Fact]
    public void Template_defaults_match_the_options_class_defaults()
    {
        var settings = snapshot.FunctionAppSettings();
        var mismatches = new List<string>();

        foreach (var setting in OptionsCatalog.Settings().Where(s => !s.IsCollection && s.DefaultValue is not null))
        {
            if (!settings.TryGetValue(AppSettingName(setting.Key), out var value) || value.StartsWith('['))
            {
                continue; // Missing (reported above) or computed at deployment.
            }

            var converter = TypeDescriptor.GetConverter(setting.Property.PropertyType);
            if (value.Length == 0)
            {
                continue; // Empty: the binder leaves a string empty and turns other types into null (checked below).
            }

            var templateValue = converter.ConvertFromString(null, CultureInfo.InvariantCulture, value);
            if (!Equals(templateValue, setting.DefaultValue))
            {
                mismatches.Add($"{setting.Key}: template '{value}', {setting.Property.DeclaringType!.Name} '{setting.DefaultValue}'");
            }
        }

        Assert.True(mismatches.Count == 0, "Template defaults that differ from the code:\n  " + string.Join("\n  ", mismatches));
    }

    [Fact]
    public void Empty_template_values_bind_as_unset()
    {
        var settings = snapshot.FunctionAppSettings();

        var empties = OptionsCatalog.Settings()
            .Where(s => !s.IsCollection && settings.TryGetValue(AppSettingName(s.Key), out var value) && value.Length == 0)
            .ToList();

        Assert.Contains(empties, s => s.Key == "LeadSync:Notifications:WebhookUrl");
        Assert.All(empties, setting =>
        {
            var type = setting.Property.PropertyType;
            var converted = type == typeof(string)
                ? ""
                : TypeDescriptor.GetConverter(type).ConvertFromString(null, CultureInfo.InvariantCulture, "");
            Assert.True(
                converted is null || (converted is string text && text.Length == 0),
                $"{setting.Key} is empty in the template, which {type.Name} does not read as unset ({converted}).");
        });
    }

    [Fact]
    public void Discovery_finds_the_options_classes_and_their_keys()
    {
        var keys = OptionsCatalog.Settings().ToDictionary(s => s.Key, StringComparer.OrdinalIgnoreCase);

        Assert.Contains("LeadSync:Intake:MaxBodyBytes", keys);
        Assert.Contains("LeadSync:Sources:generic:Secret", keys);
        Assert.Contains("LeadSync:Crm:RedriveSchedule", keys);
        Assert.True(keys["LeadSync:Sla:Levels"].IsCollection);
        Assert.Equal(1000, keys["LeadSync:Recycle:BatchSize"].DefaultValue);
        Assert.DoesNotContain("LeadSync:Sla:EffectiveLevels", keys.Where(k => !k.Value.IsCollection).Select(k => k.Key));
        Assert.True(keys["LeadSync:Admin:ApiKeys"].IsCollection);
        Assert.DoesNotContain(keys.Keys, key => key.StartsWith("LeadSync:Host:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_setting_missing_from_the_template_is_reported()
    {
        var provided = ProvidedKeys();
        provided.Remove("LeadSync:Crm:MaxSyncAttempts");

        var setting = OptionsCatalog.Settings().Single(s => s.Key == "LeadSync:Crm:MaxSyncAttempts");

        Assert.False(IsProvided(setting, provided));
    }

    /// <summary>The class default as the template would write it, so the failure message is a ready line to paste.</summary>
    private static string Suggested(BoundSetting setting) =>
        setting.IsCollection || setting.DefaultValue is null
            ? string.Empty
            : TypeDescriptor.GetConverter(setting.Property.PropertyType).ConvertToInvariantString(setting.DefaultValue) ?? string.Empty;

    private HashSet<string> ProvidedKeys() =>
        snapshot.FunctionAppSettings().Keys
            .Select(name => name.Replace("__", ":", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    // A collection is bound from indexed keys (Levels:0:After, ...): its section being configured is enough.
    private static bool IsProvided(BoundSetting setting, HashSet<string> provided) =>
        provided.Contains(setting.Key)
        || (setting.IsCollection && provided.Any(key => key.StartsWith(setting.Section + ":", StringComparison.OrdinalIgnoreCase)));

    private static string AppSettingName(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}
