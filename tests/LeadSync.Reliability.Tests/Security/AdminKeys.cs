using System.Security.Cryptography;
using System.Text;

namespace LeadSync.Reliability.Tests.Security;

/// <summary>Admin keys R6 presents besides the host's own: one revoked (configured, then removed) and one never issued.</summary>
public static class AdminKeys
{
    public const string Revoked = "r6-revoked-admin-key-7Qm2xV9pLk";
    public const string Unknown = "r6-unknown-admin-key-3Hs8dWq1Zt";

    /// <summary>The settings form of a key: <c>sha256:&lt;hex&gt;</c> (README "Creating and revoking admin keys").</summary>
    public static string Hash(string key) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
