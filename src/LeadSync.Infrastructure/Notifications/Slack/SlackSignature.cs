namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary>
/// Slack request signing, v0: <c>X-Slack-Signature = "v0=" + hex(HMAC-SHA256(signingSecret, "v0:{timestamp}:{rawBody}"))</c>
/// over the raw body bytes as received (never re-encoded), compared in constant time; a timestamp more than five
/// minutes from now (either way) is refused, so a captured request cannot be replayed later.
/// </summary>
public static class SlackSignature
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), message));
    }

    public static SlackSignatureCheck Verify(string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SlackSignatureCheck.Missing;
        }

        if (timestamp.Length > 12 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > (long)Tolerance.TotalSeconds)
        {
            return SlackSignatureCheck.Stale;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(signingSecret, timestamp, body));
        var given = Encoding.UTF8.GetBytes(signature.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SlackSignatureCheck.Valid : SlackSignatureCheck.Mismatch;
    }
}
