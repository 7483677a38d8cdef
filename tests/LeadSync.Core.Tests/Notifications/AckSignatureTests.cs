using LeadSync.Core.Notifications;

namespace LeadSync.Core.Tests.Notifications;

public sealed class AckSignatureTests
{
    private const string Secret = "ack-secret-for-tests";

    [Fact]
    public void A_signature_is_base64url_hmac_sha256_over_the_notice_id()
    {
        var sig = AckSignature.Sign("ld_abc.1", Secret);

        Assert.Equal(43, sig.Length);
        Assert.DoesNotContain('=', sig);
        Assert.True(AckSignature.IsValid("ld_abc.1", sig, Secret));
    }

    [Fact]
    public void A_signature_is_bound_to_its_notice_and_its_secret()
    {
        var sig = AckSignature.Sign("ld_abc.1", Secret);

        Assert.False(AckSignature.IsValid("ld_abc.2", sig, Secret));
        Assert.False(AckSignature.IsValid("ld_abc.1", sig, "another-secret"));
        Assert.False(AckSignature.IsValid("ld_abc.1", sig[..^1], Secret));
        Assert.False(AckSignature.IsValid("ld_abc.1", null, Secret));
        Assert.False(AckSignature.IsValid("ld_abc.1", sig, string.Empty));
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
