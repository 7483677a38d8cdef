using LeadSync.Core.Notifications;

namespace LeadSync.Core.Tests.Notifications;

public sealed class AckSignatureTests
{
    private const string Secret = "ack-secret-for-tests";

    private const long Expiry = 1_765_000_000;

    [Fact]
    public void A_signature_is_base64url_hmac_sha256_over_notice_cycle_and_expiry()
    {
        var sig = AckSignature.Sign("ld_abc.1", 0, Expiry, Secret);

        Assert.Equal(43, sig.Length);
        Assert.DoesNotContain('=', sig);
        Assert.True(AckSignature.IsValid("ld_abc.1", 0, Expiry, sig, Secret));
        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(Secret), System.Text.Encoding.UTF8.GetBytes($"ld_abc.1|0|{Expiry}"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal(expected, sig);
    }

    [Fact]
    public void A_signature_is_bound_to_its_lead_level_cycle_expiry_and_secret()
    {
        var sig = AckSignature.Sign("ld_abc.1", 0, Expiry, Secret);

        Assert.False(AckSignature.IsValid("ld_abc.2", 0, Expiry, sig, Secret));
        Assert.False(AckSignature.IsValid("ld_abd.1", 0, Expiry, sig, Secret));
        Assert.False(AckSignature.IsValid("ld_abc.1", 1, Expiry, sig, Secret));
        Assert.False(AckSignature.IsValid("ld_abc.1", 0, Expiry + 1, sig, Secret));
        Assert.False(AckSignature.IsValid("ld_abc.1", 0, Expiry, sig, "another-secret"));
        Assert.False(AckSignature.IsValid("ld_abc.1", 0, Expiry, sig[..^1], Secret));
        Assert.False(AckSignature.IsValid("ld_abc.1", 0, Expiry, null, Secret));
        Assert.False(AckSignature.IsValid("ld_abc.1", 0, Expiry, sig, string.Empty));
    }

    [Fact]
    public void A_link_query_carries_signature_cycle_and_expiry()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(Expiry);

        Assert.Equal($"sig={AckSignature.Sign("ld_abc.1", 2, Expiry, Secret)}&c=2&exp={Expiry}", AckSignature.Query("ld_abc.1", 2, at, Secret));
    }

    [Theory]
    [InlineData("ld_abc.1", "ld_abc", 1)]
    [InlineData("ld_a.b.0", "ld_a.b", 0)]
    public void Notice_ids_split_into_lead_and_level(string id, string leadId, int level)
    {
        Assert.True(EscalationNotice.TryParseId(id, out var parsedLead, out var parsedLevel));
        Assert.Equal((leadId, level), (parsedLead, parsedLevel));
    }

    [Theory]
    [InlineData("ld_abc")]
    [InlineData(".1")]
    [InlineData("ld_abc.-1")]
    [InlineData("ld_abc.x")]
    public void Malformed_notice_ids_are_rejected(string id) => Assert.False(EscalationNotice.TryParseId(id, out _, out _));
}
