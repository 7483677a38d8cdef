namespace LeadSync.Core.Notifications;

/// <summary>
/// The signature of an acknowledge link: HMAC-SHA256, base64url, over the notice id (lead and level), the lead's cycle
/// the notice fired in and the link's expiry (unix seconds), compared in constant time. A link therefore names one
/// escalation of one cycle and stops working when it expires.
/// </summary>
public static class AckSignature
{
    public static string Sign(string noticeId, int cycle, long expiresAtUnixSeconds, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var message = string.Create(CultureInfo.InvariantCulture, $"{noticeId}|{cycle}|{expiresAtUnixSeconds}");
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool IsValid(string noticeId, int cycle, long expiresAtUnixSeconds, string? signature, string secret)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(secret))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(noticeId, cycle, expiresAtUnixSeconds, secret));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>The query of a link to <paramref name="noticeId"/>: <c>sig</c>, <c>c</c> (cycle) and <c>exp</c> (unix seconds).</summary>
    public static string Query(string noticeId, int cycle, DateTimeOffset expiresAt, string secret)
    {
        var exp = expiresAt.ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture, $"sig={Sign(noticeId, cycle, exp, secret)}&c={cycle}&exp={exp}");
    }
}
