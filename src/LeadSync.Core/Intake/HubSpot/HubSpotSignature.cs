namespace LeadSync.Core.Intake.HubSpot;

/// <summary>
/// HubSpot request signatures. v3: base64 HMAC-SHA256(clientSecret, method + URI + body + timestamp) with a
/// millisecond timestamp; v1: hex SHA-256(clientSecret + body); v2: hex SHA-256(clientSecret + method + URI + body).
/// </summary>
public sealed class HubSpotSignature(TimeProvider timeProvider)
{
    public const string V3Header = "X-HubSpot-Signature-v3";
    public const string TimestampHeader = "X-HubSpot-Request-Timestamp";
    public const string LegacyHeader = "X-HubSpot-Signature";
    public const string VersionHeader = "X-HubSpot-Signature-Version";

    // HubSpot asks for these escapes to be decoded in the URI before the v3 signature is computed.
    private static readonly (string Escaped, string Plain)[] V3Decodes =
    [
        ("%3A", ":"), ("%2F", "/"), ("%3F", "?"), ("%40", "@"), ("%21", "!"), ("%24", "$"), ("%27", "'"),
        ("%28", "("), ("%29", ")"), ("%2A", "*"), ("%2C", ","), ("%3B", ";"),
    ];

    public SignatureCheck VerifyV3(InboundWebhook webhook, string clientSecret, TimeSpan tolerance)
    {
        var signature = webhook.Header(V3Header);
        var timestamp = webhook.Header(TimestampHeader);
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp))
        {
            return SignatureCheck.Missing;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var millis))
        {
            return SignatureCheck.Malformed;
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        if (Math.Abs(now - millis) > (long)tolerance.TotalMilliseconds)
        {
            return SignatureCheck.Stale;
        }

        var valid = false;
        foreach (var uri in UriCandidates(webhook.RequestUri))
        {
            var expected = Hmac.Sha256(clientSecret, Encoding.UTF8.GetBytes(webhook.Method + uri), webhook.Body.Span, Encoding.UTF8.GetBytes(timestamp));
            valid |= Hmac.Base64Equals(signature, expected);
        }

        return valid ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    public static SignatureCheck VerifyLegacy(InboundWebhook webhook, string clientSecret)
    {
        var signature = webhook.Header(LegacyHeader);
        if (string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.Missing;
        }

        var version = webhook.Header(VersionHeader) ?? "v1";
        var expected = version switch
        {
            "v1" => SignV1(clientSecret, webhook.Body.Span),
            "v2" => SignV2(clientSecret, webhook.Method, webhook.RequestUri.OriginalString, webhook.Body.Span),
            _ => null,
        };
        if (expected is null)
        {
            return SignatureCheck.Malformed;
        }

        return Hmac.HexEquals(signature, Convert.FromHexString(expected)) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    public static string SignV1(string clientSecret, ReadOnlySpan<byte> body) => Sha256Hex(Encoding.UTF8.GetBytes(clientSecret), body);

    public static string SignV2(string clientSecret, string method, string uri, ReadOnlySpan<byte> body) =>
        Sha256Hex(Encoding.UTF8.GetBytes(clientSecret + method + uri), body);

    public static string SignV3(string clientSecret, string method, string uri, ReadOnlySpan<byte> body, string timestamp) =>
        Convert.ToBase64String(Hmac.Sha256(clientSecret, Encoding.UTF8.GetBytes(method + uri), body, Encoding.UTF8.GetBytes(timestamp)));

    private static string Sha256Hex(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(prefix);
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static IEnumerable<string> UriCandidates(Uri uri)
    {
        var original = uri.OriginalString;
        yield return original;
        var decoded = original;
        foreach (var (escaped, plain) in V3Decodes)
        {
            decoded = decoded.Replace(escaped, plain, StringComparison.OrdinalIgnoreCase);
        }

        if (decoded != original)
        {
            yield return decoded;
        }
    }
}
