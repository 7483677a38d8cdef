namespace LeadSync.Core.Notifications;

/// <summary>
/// The signature of a per-recipient action link (acknowledge, reassign, snooze): HMAC-SHA256, base64url, over the
/// notice id, the cycle, the expiry, the action and the recipient the link was sent to, compared in constant time.
/// The link therefore proves who it was sent to and what it may do; changing the recipient (<c>r</c>) or using an
/// acknowledge link to reassign breaks it. A distinct prefix keeps these apart from the older unbound ack links.
/// </summary>
public static class RecipientLinkSignature
{
    private const string Version = "r1";

    public static string Sign(string noticeId, int cycle, long expiresAtUnixSeconds, string action, string recipient, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var message = string.Create(CultureInfo.InvariantCulture, $"{Version}|{noticeId}|{cycle}|{expiresAtUnixSeconds}|{action}|{recipient}");
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool IsValid(string noticeId, int cycle, long expiresAtUnixSeconds, string action, string recipient, string? signature, string secret)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(recipient))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(noticeId, cycle, expiresAtUnixSeconds, action, recipient, secret));
        var given = Encoding.UTF8.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>The query of a link: <c>sig</c>, <c>c</c> (cycle), <c>exp</c> (unix seconds) and <c>r</c> (the recipient).</summary>
    public static string Query(string noticeId, int cycle, DateTimeOffset expiresAt, string action, string recipient, string secret)
    {
        var exp = expiresAt.ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture,
            $"sig={Sign(noticeId, cycle, exp, action, recipient, secret)}&c={cycle}&exp={exp}&r={Uri.EscapeDataString(recipient)}");
    }
}
