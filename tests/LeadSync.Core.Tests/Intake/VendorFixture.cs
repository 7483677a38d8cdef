using System.Text;

namespace LeadSync.Core.Tests.Intake;

/// <summary>Reads vendor fixtures copied into Fixtures/vendor (exact bytes: signatures depend on them).</summary>
public static class VendorFixture
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "vendor", name));

    public static string Text(string name) => Encoding.UTF8.GetString(Bytes(name));

    /// <summary>The value after <c>key=</c> in the first matching line of a key=value fixture.</summary>
    public static string Value(string name, string key, int occurrence = 0) =>
        Text(name).Split('\n').Where(l => l.StartsWith(key + "=", StringComparison.Ordinal)).Skip(occurrence).First()[(key.Length + 1)..].Trim();
}
