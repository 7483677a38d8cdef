namespace LeadSync.Web.Admin;

/// <summary>Hashes admin API keys the way they are stored in settings.</summary>
public static class AdminKeyHasher
{
    public const string Prefix = "sha256:";

    public static string Hash(string key) => Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
