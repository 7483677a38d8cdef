using System.Text.Encodings.Web;

namespace LeadSync.Core.Intake.Redaction;

/// <summary>
/// Strips credentials from a delivery before anything of it is written (inbox, quarantine, a lead's raw payload and
/// timeline): credential headers (<c>Authorization</c>, <c>Cookie</c>, admin and API key headers, a source's
/// configured secret header) and query parameters (<c>key</c>, <c>code</c>, <c>sig</c>, tokens) are dropped, Google
/// Ads' <c>google_key</c> body field is masked, and every configured secret value left anywhere — URI path, header
/// values, body (raw, URL- or JSON-encoded) — is replaced by <see cref="Mask"/>. Deterministic, so redacting twice
/// gives the same delivery (lead ids computed on the request path match the ones filing computes).
/// </summary>
public sealed class WebhookRedactor(IConfiguredSecrets? secrets = null)
{
    public const string Mask = "[redacted]";

    /// <summary>Secrets shorter than this are not searched for in text (they would mask ordinary words).</summary>
    public const int MinimumSecretLength = 6;

    private static readonly HashSet<string> CredentialHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "proxy-authorization", "cookie", "x-leadsync-admin-key", "x-api-key", "api-key", "x-functions-key",
        "x-leadsync-secret", "x-ms-client-principal", "ocp-apim-subscription-key",
    };

    private static readonly HashSet<string> CredentialQuery = new(StringComparer.OrdinalIgnoreCase)
    {
        "key", "code", "sig", "signature", "api_key", "apikey", "token", "access_token", "secret", "password", "hub.verify_token",
    };

    private static readonly HashSet<string> CredentialBodyFields = new(StringComparer.Ordinal) { "google_key" };

    private static readonly byte[][] CredentialBodyFieldBytes = [.. CredentialBodyFields.Select(Encoding.UTF8.GetBytes)];

    private static readonly byte[] MaskBytes = Encoding.UTF8.GetBytes(Mask);
    private static readonly byte[] QuotedMask = Encoding.UTF8.GetBytes("\"" + Mask + "\"");

    private SecretForms? _forms;

    public InboundWebhook Redact(InboundWebhook webhook)
    {
        var values = Forms();
        return webhook with
        {
            RequestUri = RedactUri(webhook.RequestUri, values),
            Headers = RedactHeaders(webhook.Headers, values),
            Query = webhook.Query
                .Where(q => !CredentialQuery.Contains(q.Key))
                .ToDictionary(q => q.Key, q => RedactText(q.Value, values), StringComparer.Ordinal),
            Body = RedactBody(webhook.Body, values),
        };
    }

    /// <summary><paramref name="text"/> with every configured secret replaced by <see cref="Mask"/>.</summary>
    public string RedactText(string text) => RedactText(text, Forms());

    /// <summary>
    /// The configured secrets' textual forms, built again only when the secrets change (an admin rotates a key): the
    /// encodings of every secret were computed for every header, query value and path segment of every delivery.
    /// </summary>
    private SecretForms Forms()
    {
        // Longest first, so a secret that contains another is masked whole.
        var values = (secrets?.Values ?? [])
            .Where(s => s is { Length: >= MinimumSecretLength })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToList();
        var cached = Volatile.Read(ref _forms);
        if (cached is not null && cached.Values.SequenceEqual(values, StringComparer.Ordinal))
        {
            return cached;
        }

        var built = new SecretForms(values);
        Volatile.Write(ref _forms, built);
        return built;
    }

    private Dictionary<string, string> RedactHeaders(IReadOnlyDictionary<string, string> headers, SecretForms values)
    {
        var configured = secrets?.HeaderNames ?? [];
        return headers
            .Where(h => !CredentialHeaders.Contains(h.Key) && !configured.Contains(h.Key, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => RedactText(h.Value, values), StringComparer.OrdinalIgnoreCase);
    }

    private static Uri RedactUri(Uri uri, SecretForms values)
    {
        if (!uri.IsAbsoluteUri)
        {
            return uri;
        }

        var segments = uri.AbsolutePath.Split('/')
            .Select(s => values.Values.Contains(Uri.UnescapeDataString(s), StringComparer.Ordinal) ? Mask : RedactText(s, values));
        var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !CredentialQuery.Contains(Uri.UnescapeDataString(pair.Split('=')[0].Replace('+', ' '))))
            .Select(pair => RedactText(pair, values));
        return new UriBuilder(uri) { Path = string.Join('/', segments), Query = string.Join('&', query) }.Uri;
    }

    private static string RedactText(string text, SecretForms values)
    {
        foreach (var form in values.Text)
        {
            text = text.Replace(form, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    private static ReadOnlyMemory<byte> RedactBody(ReadOnlyMemory<byte> body, SecretForms values)
    {
        if (body.IsEmpty)
        {
            return body;
        }

        // Copies the body only when something is masked: most deliveries carry no credential in their body.
        var bytes = MaskJsonFields(body.Span);
        foreach (var needle in values.Utf8)
        {
            var current = bytes is null ? body.Span : bytes.AsSpan();
            if (current.IndexOf(needle) >= 0)
            {
                bytes = Replace(current.ToArray(), needle, MaskBytes);
            }
        }

        return bytes is null ? body : bytes;
    }

    /// <summary>The secret as it may appear in text: raw, URL-encoded (path and form) and JSON-escaped.</summary>
    private static IEnumerable<string> FormsOf(string secret) => new[]
    {
        secret,
        Uri.EscapeDataString(secret),
        WebUtility.UrlEncode(secret),
        JsonEncodedText.Encode(secret).Value,
        JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value,
        JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value.Replace("/", "\\/", StringComparison.Ordinal),
    }.Distinct(StringComparer.Ordinal);

    /// <summary>Secrets (longest first) and, in the order they are masked, each one's forms as text and as UTF-8.</summary>
    private sealed class SecretForms
    {
        public SecretForms(List<string> values)
        {
            Values = values;
            Text = [.. values.SelectMany(FormsOf)];
            Utf8 = [.. Text.Select(Encoding.UTF8.GetBytes)];
        }

        public List<string> Values { get; }

        public string[] Text { get; }

        public byte[][] Utf8 { get; }
    }

    /// <summary>A JSON body with each top-level credential field's string value masked, byte for byte elsewhere; null if none.</summary>
    private static byte[]? MaskJsonFields(ReadOnlySpan<byte> body)
    {
        var trimmed = body.TrimStart(" \t\r\n"u8);
        if (trimmed.IsEmpty || trimmed[0] != (byte)'{' || !MentionsCredentialField(body))
        {
            // (A field name written with escapes is not seen here; its value, the configured secret, still is below.)
            return null;
        }

        var ranges = new List<(int Start, int Length)>();
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && CredentialBodyFields.Contains(reader.GetString()!))
                {
                    if (reader.Read() && reader.TokenType == JsonTokenType.String)
                    {
                        var length = (reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length) + 2;
                        ranges.Add(((int)reader.TokenStartIndex, length));
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all (the source refuses it); the secret-value pass still applies.
        }

        if (ranges.Count == 0)
        {
            return null;
        }

        var output = new List<byte>(body.Length);
        var at = 0;
        foreach (var (start, length) in ranges)
        {
            output.AddRange(body[at..start]);
            output.AddRange(QuotedMask);
            at = start + length;
        }

        output.AddRange(body[at..]);
        return [.. output];
    }

    private static bool MentionsCredentialField(ReadOnlySpan<byte> body)
    {
        foreach (var field in CredentialBodyFieldBytes)
        {
            if (body.IndexOf(field) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] Replace(byte[] haystack, byte[] needle, byte[] replacement)
    {
        var index = haystack.AsSpan().IndexOf(needle);
        if (index < 0)
        {
            return haystack;
        }

        var output = new List<byte>(haystack.Length);
        var rest = haystack.AsSpan();
        while (index >= 0)
        {
            output.AddRange(rest[..index]);
            output.AddRange(replacement);
            rest = rest[(index + needle.Length)..];
            index = rest.IndexOf(needle);
        }

        output.AddRange(rest);
        return [.. output];
    }
}
