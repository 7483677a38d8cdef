namespace LeadSync.Core.Intake.Signatures;

/// <summary>HMAC-SHA256 over raw bytes and constant-time comparison of the encodings vendors put in headers.</summary>
public static class Hmac
{
    public static byte[] Sha256(string key, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> body, ReadOnlySpan<byte> suffix = default)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(key));
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        hmac.AppendData(suffix);
        return hmac.GetHashAndReset();
    }

    /// <summary>True when <paramref name="givenHex"/> (either case) encodes <paramref name="expected"/>; constant time.</summary>
    public static bool HexEquals(string? givenHex, ReadOnlySpan<byte> expected)
    {
        if (givenHex is null || givenHex.Length != expected.Length * 2)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[expected.Length];
        try
        {
            if (Convert.FromHexString(givenHex, given, out _, out var written) != System.Buffers.OperationStatus.Done || written != expected.Length)
            {
                return false;
            }
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    /// <summary>True when <paramref name="givenBase64"/> encodes <paramref name="expected"/>; constant time.</summary>
    public static bool Base64Equals(string? givenBase64, ReadOnlySpan<byte> expected)
    {
        if (string.IsNullOrEmpty(givenBase64) || givenBase64.Length > 128)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[96];
        return Convert.TryFromBase64String(givenBase64.Trim(), given, out var written) && written == expected.Length &&
            CryptographicOperations.FixedTimeEquals(given[..written], expected);
    }

    /// <summary>Constant-time equality of two shared secrets (compared as SHA-256 digests so lengths leak nothing).</summary>
    public static bool SecretEquals(string? given, string? expected)
    {
        if (string.IsNullOrEmpty(given) || string.IsNullOrEmpty(expected))
        {
            return false;
        }

        Span<byte> a = stackalloc byte[32];
        Span<byte> b = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(given), a);
        SHA256.HashData(Encoding.UTF8.GetBytes(expected), b);
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    public static string ToHex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>
    /// Verifies a <c>"{prefix}{encoded HMAC-SHA256 of the raw body}"</c> header (Meta's <c>sha256=&lt;hex&gt;</c>,
    /// Typeform's <c>sha256=&lt;base64&gt;</c>); null when it matches, otherwise the 401 rejection naming the header.
    /// </summary>
    public static Rejection? VerifyPrefixedBodySignature(
        InboundWebhook webhook, string headerName, string prefix, string secret, SignatureEncoding encoding, string vendor)
    {
        var header = webhook.Header(headerName);
        if (header is null || !header.StartsWith(prefix, StringComparison.Ordinal))
        {
            return new Rejection(RejectionKind.Unauthenticated, $"The {headerName} header ({prefix}…) is required.");
        }

        var expected = Sha256(secret, default, webhook.Body.Span);
        var given = header[prefix.Length..];
        var matches = encoding == SignatureEncoding.Hex ? HexEquals(given, expected) : Base64Equals(given, expected);
        return matches ? null : new Rejection(RejectionKind.Unauthenticated, $"The {vendor} signature does not match.");
    }
}
