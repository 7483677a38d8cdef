using System.Text;
using LeadSync.Core.Intake;

namespace LeadSync.Crm.Tests.Support;

/// <summary>Builds native CRM change requests (as <see cref="InboundWebhook"/>s) from the vendor fixtures.</summary>
public static class ChangeRequests
{
    public static string Changes(string name) => Fixture.Read(Path.Combine("changes", name));

    /// <summary>A <c>key=value</c> line of a signature vector file.</summary>
    public static string VectorValue(string file, string key) =>
        Changes(file).Split('\n').Select(l => l.TrimEnd('\r')).First(l => l.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..];

    public static InboundWebhook Request(string body, string uri, string contentType, IDictionary<string, string>? headers = null) =>
        new()
        {
            Source = "crm",
            Method = "POST",
            RequestUri = new Uri(uri),
            ContentType = contentType,
            Body = Encoding.UTF8.GetBytes(body),
            Headers = new Dictionary<string, string>(headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase),
            Query = new Uri(uri).Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "", StringComparer.Ordinal),
        };
}
