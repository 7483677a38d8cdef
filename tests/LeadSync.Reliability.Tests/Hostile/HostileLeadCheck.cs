using System.Net;
using System.Text;
using System.Text.Json;

namespace LeadSync.Reliability.Tests.Hostile;

/// <summary>
/// A 2xx must name leads that were really in the body: each one is read back (admin API) and must carry an e-mail
/// the body held (the sample's, or one literally present), the sample's phone, or — for id-only sources — be stored
/// as Received to be read from the vendor. The 202 comes once the delivery is in the inbox; the lead is filed moments
/// later, so a 404 is read again until <see cref="FilingPatience"/> has passed.
/// </summary>
public static class HostileLeadCheck
{
    private static readonly TimeSpan FilingPatience = TimeSpan.FromSeconds(30);

    /// <param name="namedBy">
    /// The other cases of the run whose 202 named the same lead id. The id is derived from the vendor's delivery key, so
    /// a hostile body that repeats another case's vendor id (say a Google Ads <c>lead_id</c> both set to the same
    /// awkward string) is a redelivery of it by contract and is answered with that lead: its e-mail is in the other body.
    /// Controls never get this allowance.
    /// </param>
    public static async Task<string?> CheckAsync(HttpClient client, Uri baseUrl, string adminKey, HostileCase hostile, SourceDialect dialect, IEnumerable<string> leadIds,
        Func<string, IEnumerable<HostileCase>>? namedBy = null)
    {
        foreach (var id in leadIds)
        {
            using var response = await ReadFiledAsync(client, new Uri(baseUrl, "api/leads/" + Uri.EscapeDataString(id)), adminKey, dialect.Name == "linkedin");
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
                (email is not null && !hostile.IsControl && namedBy is not null && namedBy(id).Any(other => !ReferenceEquals(other, hostile) && BodyHolds(other, email))) ||
                (phone is not null && hostile.Sample.Phone is not null) ||
                (dialect.IdOnly && status == "Received" && email is null && phone is null);
            if (!held)
            {
                return $"accepted lead {id} (status {status}, e-mail {(email is null ? "none" : "present")}, phone {(phone is null ? "none" : "present")}) was not in the body";
            }
        }

        return null;
    }

    /// <summary>The lead once filed; a LinkedIn DELETED names a lead that need not exist, so its 404 is not waited on.</summary>
    private static async Task<HttpResponseMessage> ReadFiledAsync(HttpClient client, Uri url, string adminKey, bool mayBeAbsent)
    {
        var deadline = DateTime.UtcNow + FilingPatience;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("X-LeadSync-Admin-Key", adminKey);
            var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.NotFound || mayBeAbsent || DateTime.UtcNow > deadline)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(100);
        }
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
        return new[] { text, WebUtility.UrlDecode(text) }.Concat(JsonStrings(hostile.Body)).Concat(FormJsonStrings(text))
            .Any(t => Canonical(t).Contains(wanted, StringComparison.Ordinal));
    }

    /// <summary>The JSON strings inside form fields (Unbounce's <c>data.json</c>): form-decoded first, then JSON-decoded.</summary>
    private static IEnumerable<string> FormJsonStrings(string text) =>
        text.Split('&').Select(pair => pair.Split('=', 2)).Where(kv => kv.Length == 2)
            .Select(kv => WebUtility.UrlDecode(kv[1]))
            .Where(value => value.StartsWith('{') || value.StartsWith('['))
            .SelectMany(value => JsonStrings(Encoding.UTF8.GetBytes(value)));

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

    private static string? TryGetString(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static void Collect(JsonElement element, List<string> strings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                // A lone surrogate escape ("\ud800") cannot be read as a string; it cannot hold the lead's e-mail either.
                if (TryGetString(element) is { } value)
                {
                    strings.Add(value);
                }

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
