namespace LeadSync.Core.Intake.Signatures;

/// <summary>
/// Verifies Standard Webhooks signatures: HMAC-SHA256 over <c>"{id}.{timestamp}.{body}"</c> with a
/// <c>whsec_</c>-prefixed base64 secret; the header may carry several space-separated <c>v1,&lt;base64&gt;</c> entries.
/// </summary>
public sealed class StandardWebhookVerifier(TimeProvider timeProvider)
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    private const string SecretPrefix = "whsec_";

    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public SignatureCheck Verify(string? id, string? timestamp, string? signatureHeader, ReadOnlySpan<byte> body, string secret) =>
        Verify(id, timestamp, signatureHeader, body, secret, DefaultTolerance);

    public SignatureCheck Verify(string? id, string? timestamp, string? signatureHeader, ReadOnlySpan<byte> body, string secret, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatureHeader))
        {
            return SignatureCheck.Missing;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
            id.Contains('.', StringComparison.Ordinal) || !TryDecodeSecret(secret, out var key))
        {
            return SignatureCheck.Malformed;
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > (long)tolerance.TotalSeconds)
        {
            return SignatureCheck.Stale;
        }

        var expected = ComputeSignature(key, id, seconds, body);
        Span<byte> given = stackalloc byte[64];
        foreach (var part in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!part.StartsWith("v1,", StringComparison.Ordinal))
            {
                continue;
            }

            if (Convert.TryFromBase64String(part[3..], given, out var written) && written == expected.Length &&
                CryptographicOperations.FixedTimeEquals(given[..written], expected))
            {
                return SignatureCheck.Valid;
            }
        }

        return SignatureCheck.Mismatch;
    }

    /// <summary>Builds a <c>webhook-signature</c> header value; used by senders, samples and tests.</summary>
    public static string Sign(string secret, string id, long timestampSeconds, ReadOnlySpan<byte> body)
    {
        if (!TryDecodeSecret(secret, out var key))
        {
            throw new ArgumentException("The secret must be 'whsec_' followed by base64.", nameof(secret));
        }

        return "v1," + Convert.ToBase64String(ComputeSignature(key, id, timestampSeconds, body));
    }

    private static byte[] ComputeSignature(byte[] key, string id, long seconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{seconds}."));
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    /// <summary>True for a usable signing secret (<c>whsec_</c> followed by base64).</summary>
    public static bool IsValidSecret(string? secret) => secret is not null && TryDecodeSecret(secret, out _);

    private static bool TryDecodeSecret(string secret, out byte[] key)
    {
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        key = new byte[(encoded.Length * 3 / 4) + 3];
        if (encoded.Length == 0 || !Convert.TryFromBase64String(encoded, key, out var written))
        {
            key = [];
            return false;
        }

        key = key[..written];
        return true;
    }
}
