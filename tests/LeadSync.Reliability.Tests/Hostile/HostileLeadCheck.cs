using System.Net;
using System.Text;
using System.Text.Json;

namespace LeadSync.Reliability.Tests.Hostile;

/// <summary>
/// A 2xx must name leads that were really in the body: each one is read back (admin API) and must carry an e-mail
/// the body held (the sample's, or one literally present), the sample's phone, or — for id-only sources — be stored
/// as Received to be read from the vendor.
/// </summary>
public static class HostileLeadCheck
{
    public static async Task<string?> CheckAsync(HttpClient client, Uri baseUrl, string adminKey, HostileCase hostile, SourceDialect dialect, IEnumerable<string> leadIds)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(hostile);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(leadIds);
        foreach (var id in leadIds)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, "api/leads/" + Uri.EscapeDataString(id)));
            request.Headers.Add("X-LeadSync-Admin-Key", adminKey);
            using var response = await client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.NotFound && dialect.Name == "linkedin")
            {
                continue; // a DELETED names the lead it erases, which need not exist
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                return $"accepted lead {id} reads back as {(int)response.StatusCode}";
            }

            using var lead = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var contact = lead.RootElement.GetProperty("contact");
            var email = Text(contact, "email");
            var phone = Text(contact, "phone");
            var status = Text(lead.RootElement, "status");
            var held = (email is not null && BodyHolds(hostile, email)) ||
                (phone is not null && hostile.Sample.Phone is not null) ||
                (dialect.IdOnly && status == "Received" && email is null && phone is null);
            if (!held)
            {
                return $"accepted lead {id} (status {status}, e-mail {(email is null ? "none" : "present")}, phone {(phone is null ? "none" : "present")}) was not in the body";
            }
        }

        return null;
    }

    private static bool BodyHolds(HostileCase hostile, string email)
    {
        if (string.Equals(email, hostile.Sample.Email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // The body may hold it escaped (JSON \/ or \u escapes, percent-encoding) and with characters normalization
        // drops (controls, whitespace): compare canonical forms against the raw text, the URL-decoded text and every
        // JSON string of the body.
        var text = Encoding.UTF8.GetString(hostile.Body);
        var wanted = Canonical(email);
        return new[] { text, WebUtility.UrlDecode(text) }.Concat(JsonStrings(hostile.Body)).Any(t => Canonical(t).Contains(wanted, StringComparison.Ordinal));
    }

    private static string Canonical(string text) =>
        new([.. text.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c) && c != '\u200B').Select(char.ToLowerInvariant)]);

    private static IEnumerable<string> JsonStrings(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return [];
        }

        using (document)
        {
            var strings = new List<string>();
            Collect(document.RootElement, strings);
            return strings;
        }
    }

    private static void Collect(JsonElement element, List<string> strings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                strings.Add(element.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, strings);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, strings);
                }

                break;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
