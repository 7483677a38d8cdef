using System.Security.Cryptography;
using System.Text;

namespace LeadSync.Core.Notifications;

/// <summary>The signature of an acknowledge link: HMAC-SHA256 over the notice id, base64url, compared in constant time.</summary>
public static class AckSignature
{
    public static string Sign(string noticeId, string secret)
    {
        ArgumentNullException.ThrowIfNull(noticeId);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(noticeId));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool IsValid(string noticeId, string? signature, string secret)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(secret))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(noticeId, secret));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
