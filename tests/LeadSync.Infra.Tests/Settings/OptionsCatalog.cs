using System.Collections;
using System.ComponentModel;
using System.Reflection;

namespace LeadSync.Infra.Tests.Settings;

/// <summary>
/// Discovers the settings the app reads at start by reflection: every class in the app's assemblies with a
/// <c>public const string Section</c> is an Options class bound to that section; its public settable properties
/// (and get-only collections or objects, which the configuration binder fills in place) are its keys.
/// New Options classes are picked up without touching this test.
/// </summary>
internal static class OptionsCatalog
{
    /// <summary>The assemblies whose Options classes the Functions app binds (LeadSync.Web holds the shared handlers' options, e.g. admin).</summary>
    public static readonly string[] AssemblyNames = ["LeadSync.Core", "LeadSync.Infrastructure", "LeadSync.Web"];

    /// <summary>Sections that only the portable host reads, so the Functions app's template need not provide them.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotReadByTheFunctionsApp = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["LeadSync:Host"] = "portable host's queue consumers; the Functions app's are in host.json",
    };

    private const int MaxDepth = 4;

    public static IReadOnlyList<Type> OptionsTypes() =>
        [.. AssemblyNames
            .Select(name => Assembly.Load(new AssemblyName(name)))
            .SelectMany(LoadableTypes)
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
                && SectionOf(t) is { } section && !NotReadByTheFunctionsApp.ContainsKey(section))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)];

    public static IReadOnlyList<BoundSetting> Settings() =>
        [.. OptionsTypes().SelectMany(t => SettingsOf(t, SectionOf(t)!))];

    public static string? SectionOf(Type type) =>
        type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
        && field.FieldType == typeof(string)
            ? (string?)field.GetRawConstantValue()
            : null;

    private static IEnumerable<BoundSetting> SettingsOf(Type optionsType, string section)
    {
        var defaults = TryCreate(optionsType);
        return Walk(optionsType, defaults, section, section, depth: 0);
    }

    private static IEnumerable<BoundSetting> Walk(Type type, object? instance, string prefix, string section, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true })
            {
                continue;
            }

            var settable = property.SetMethod is { IsPublic: true };
            var key = $"{prefix}:{property.Name}";
            var value = instance is null ? null : property.GetValue(instance);
            var propertyType = property.PropertyType;

            if (IsScalar(propertyType))
            {
                if (settable)
                {
                    yield return new BoundSetting(key, section, IsCollection: false, property, value);
                }
            }
            else if (typeof(IEnumerable).IsAssignableFrom(propertyType) && (settable || IsMutableCollection(propertyType)))
            {
                yield return new BoundSetting(key, section, IsCollection: true, property, value);
            }
            else if (depth < MaxDepth && propertyType.IsClass)
            {
                foreach (var nested in Walk(propertyType, value ?? TryCreate(propertyType), key, section, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    // A get-only collection is bound in place only when it can be added to; a computed read-only view is not a setting.
    private static bool IsMutableCollection(Type type) =>
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType &&
            (i.GetGenericTypeDefinition() == typeof(ICollection<>) || i.GetGenericTypeDefinition() == typeof(IDictionary<,>)))
        || typeof(IList).IsAssignableFrom(type) || typeof(IDictionary).IsAssignableFrom(type);

    // The configuration binder converts a string to a property's type with its TypeConverter: such a type
    // is one key; anything else is an object or collection of keys.
    private static bool IsScalar(Type type) =>
        type == typeof(string) || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));

    private static object? TryCreate(Type type)
    {
        try
        {
            return type.GetConstructor(Type.EmptyTypes) is null ? null : Activator.CreateInstance(type);
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
