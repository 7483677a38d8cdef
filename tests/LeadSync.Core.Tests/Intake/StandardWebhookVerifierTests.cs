using System.Globalization;
using System.Text;
using LeadSync.Core.Intake.Signatures;
using Microsoft.Extensions.Time.Testing;

namespace LeadSync.Core.Tests.Intake;

public sealed class StandardWebhookVerifierTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"lead.created","data":{"email":"ada@example.com"}}""");

    private readonly StandardWebhookVerifier _verifier = new(new FakeTimeProvider(Now));

    private static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void A_correctly_signed_delivery_is_valid()
    {
        var signature = StandardWebhookVerifier.Sign(Secret, Id, Now.ToUnixTimeSeconds(), Body);

        Assert.Equal(SignatureCheck.Valid, _verifier.Verify(Id, Timestamp(Now), signature, Body, Secret));
    }

    [Fact]
    public void The_signature_matches_an_independent_HMAC_over_id_timestamp_and_body()
    {
        var key = Convert.FromBase64String(Secret["whsec_".Length..]);
        var content = Encoding.UTF8.GetBytes($"{Id}.{Now.ToUnixTimeSeconds()}.").Concat(Body).ToArray();
        var expected = "v1," + Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(key, content));

        Assert.Equal(expected, StandardWebhookVerifier.Sign(Secret, Id, Now.ToUnixTimeSeconds(), Body));
    }

    [Fact]
    public void A_tampered_body_is_a_mismatch()
    {
        var signature = StandardWebhookVerifier.Sign(Secret, Id, Now.ToUnixTimeSeconds(), Body);
        var tampered = Encoding.UTF8.GetBytes("""{"type":"lead.created","data":{"email":"eve@example.com"}}""");

        Assert.Equal(SignatureCheck.Mismatch, _verifier.Verify(Id, Timestamp(Now), signature, tampered, Secret));
    }

    [Fact]
    public void A_signature_made_with_another_secret_is_a_mismatch()
    {
        var signature = StandardWebhookVerifier.Sign("whsec_" + Convert.ToBase64String(new byte[32]), Id, Now.ToUnixTimeSeconds(), Body);

        Assert.Equal(SignatureCheck.Mismatch, _verifier.Verify(Id, Timestamp(Now), signature, Body, Secret));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void A_timestamp_beyond_five_minutes_is_stale(int offsetSeconds)
    {
        var at = Now.AddSeconds(offsetSeconds);
        var signature = StandardWebhookVerifier.Sign(Secret, Id, at.ToUnixTimeSeconds(), Body);

        Assert.Equal(SignatureCheck.Stale, _verifier.Verify(Id, Timestamp(at), signature, Body, Secret));
    }

    [Fact]
    public void A_timestamp_within_five_minutes_is_accepted()
    {
        var at = Now.AddSeconds(-299);
        var signature = StandardWebhookVerifier.Sign(Secret, Id, at.ToUnixTimeSeconds(), Body);

        Assert.Equal(SignatureCheck.Valid, _verifier.Verify(Id, Timestamp(at), signature, Body, Secret));
    }

    [Fact]
    public void One_valid_signature_among_several_is_enough()
    {
        var valid = StandardWebhookVerifier.Sign(Secret, Id, Now.ToUnixTimeSeconds(), Body);
        var header = $"v1,{Convert.ToBase64String(new byte[32])} v1a,bm90LWVkMjU1MTk= {valid}";

        Assert.Equal(SignatureCheck.Valid, _verifier.Verify(Id, Timestamp(Now), header, Body, Secret));
    }

    [Theory]
    [InlineData(null, "1", "v1,x")]
    [InlineData("msg", null, "v1,x")]
    [InlineData("msg", "1", null)]
    [InlineData("", "1", "v1,x")]
    public void Missing_headers_are_reported_as_missing(string? id, string? timestamp, string? signature) =>
        Assert.Equal(SignatureCheck.Missing, _verifier.Verify(id, timestamp, signature, Body, Secret));

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("-5")]
    [InlineData("1e9")]
    public void A_malformed_timestamp_is_malformed(string timestamp) =>
        Assert.Equal(SignatureCheck.Malformed, _verifier.Verify(Id, timestamp, "v1,AAAA", Body, Secret));

    [Theory]
    [InlineData("v1,not base64!")]
    [InlineData("v2,AAAA")]
    [InlineData("garbage")]
    public void Unparseable_signatures_never_match(string header) =>
        Assert.Equal(SignatureCheck.Mismatch, _verifier.Verify(Id, Timestamp(Now), header, Body, Secret));
}
