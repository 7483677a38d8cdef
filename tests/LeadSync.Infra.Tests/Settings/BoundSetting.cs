using System.Reflection;

namespace LeadSync.Infra.Tests.Settings;

/// <summary>
/// One configuration key the app binds: <c>Section:Property</c> (nested objects add segments). A collection or
/// dictionary is bound from indexed keys (<c>Key:0:...</c>, <c>Key:name</c>), so it counts as provided
/// when anything under its section is.
/// </summary>
public sealed record BoundSetting(string Key, string Section, bool IsCollection, PropertyInfo Property, object? DefaultValue)
{
    public override string ToString() => Key;
}
