namespace LeadSync.Core.Intake.Erasure;

/// <summary>SHA-256 (hex) of the trimmed, lower-cased address: what the e-mail index and the erasure record keep instead of the address.</summary>
public static class EmailHash
{
    public static string Of(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
    }
}
