using System.Text;
using LeadSync.Infrastructure.Notifications.Slack;
using LeadSync.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LeadSync.Integration.Tests.Notifications;

/// <summary>Slack request signing v0 (FACTS E6): the documented vector, a block_actions request, bad, stale and replayed requests.</summary>
public sealed class SlackSignatureTests
{
    private static Dictionary<string, string> Vector(string file)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "fixtures", "slack", file)))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            var cut = line.IndexOfAny(['=', ':']);
            if (cut > 0)
            {
                values[line[..cut].Trim()] = line[(cut + 1)..].Trim();
            }
        }

        return values;
    }

    [Fact]
    public void The_documented_test_vector_verifies_at_its_timestamp()
    {
        var v = Vector("signature-testvector.txt");
        var at = DateTimeOffset.FromUnixTimeSeconds(long.Parse(v["X-Slack-Request-Timestamp"], System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(v["expected X-Slack-Signature"], SlackSignature.Compute(v["signing_secret"], v["X-Slack-Request-Timestamp"], Encoding.UTF8.GetBytes(v["body"])));
        Assert.Equal(SlackSignatureCheck.Valid,
            SlackSignature.Verify(v["signing_secret"], v["X-Slack-Request-Timestamp"], v["expected X-Slack-Signature"], Encoding.UTF8.GetBytes(v["body"]), at));
    }

    [Fact]
    public void The_sample_block_actions_request_verifies_over_its_raw_form_body()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "fixtures", "slack", "block-actions-request.txt"));
        var timestamp = lines.Single(l => l.StartsWith("X-Slack-Request-Timestamp:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        var signature = lines.Single(l => l.StartsWith("X-Slack-Signature:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        var body = lines.Single(l => l.StartsWith("payload=", StringComparison.Ordinal));
        var at = DateTimeOffset.FromUnixTimeSeconds(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture)).AddSeconds(10);

        Assert.Equal(SlackSignatureCheck.Valid, SlackSignature.Verify("fake-signing-secret-0000", timestamp, signature, Encoding.UTF8.GetBytes(body), at));
        Assert.Equal(signature, SlackRequestSigner.Sign("fake-signing-secret-0000", long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture), body));
    }

    [Theory]
    [InlineData("v0=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    [InlineData("v0=a2114d")]
    public void A_bad_signature_does_not_verify(string signature)
    {
        var v = Vector("signature-testvector.txt");
        var at = DateTimeOffset.FromUnixTimeSeconds(1531420618);

        Assert.Equal(SlackSignatureCheck.Mismatch, SlackSignature.Verify(v["signing_secret"], v["X-Slack-Request-Timestamp"], signature, Encoding.UTF8.GetBytes(v["body"]), at));
    }

    [Fact]
    public void A_changed_body_or_another_secret_does_not_verify()
    {
        var v = Vector("signature-testvector.txt");
        var at = DateTimeOffset.FromUnixTimeSeconds(1531420618);
        var sig = v["expected X-Slack-Signature"];

        Assert.Equal(SlackSignatureCheck.Mismatch, SlackSignature.Verify(v["signing_secret"], v["X-Slack-Request-Timestamp"], sig, Encoding.UTF8.GetBytes(v["body"] + "&x=1"), at));
        Assert.Equal(SlackSignatureCheck.Mismatch, SlackSignature.Verify("another-secret", v["X-Slack-Request-Timestamp"], sig, Encoding.UTF8.GetBytes(v["body"]), at));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    [InlineData(86_400)]
    public void A_timestamp_more_than_five_minutes_away_is_stale_even_with_a_good_signature(int offsetSeconds)
    {
        var v = Vector("signature-testvector.txt");
        var at = DateTimeOffset.FromUnixTimeSeconds(1531420618 + offsetSeconds);

        Assert.Equal(SlackSignatureCheck.Stale,
            SlackSignature.Verify(v["signing_secret"], v["X-Slack-Request-Timestamp"], v["expected X-Slack-Signature"], Encoding.UTF8.GetBytes(v["body"]), at));
    }

    [Theory]
    [InlineData(300)]
    [InlineData(-300)]
    public void Five_minutes_exactly_is_still_fresh(int offsetSeconds)
    {
        var v = Vector("signature-testvector.txt");
        var at = DateTimeOffset.FromUnixTimeSeconds(1531420618 + offsetSeconds);

        Assert.Equal(SlackSignatureCheck.Valid,
            SlackSignature.Verify(v["signing_secret"], v["X-Slack-Request-Timestamp"], v["expected X-Slack-Signature"], Encoding.UTF8.GetBytes(v["body"]), at));
    }

    [Theory]
    [InlineData(null, "v0=ab")]
    [InlineData("1531420618", null)]
    [InlineData("", "")]
    public void Missing_headers_are_reported_as_missing(string? timestamp, string? signature)
    {
        Assert.Equal(SlackSignatureCheck.Missing, SlackSignature.Verify("secret", timestamp, signature, "x"u8, DateTimeOffset.FromUnixTimeSeconds(1531420618)));
    }

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("-5")]
    [InlineData("99999999999999999999")]
    public void A_timestamp_that_is_not_unix_seconds_is_stale(string timestamp)
    {
        Assert.Equal(SlackSignatureCheck.Stale, SlackSignature.Verify("secret", timestamp, "v0=ab", "x"u8, DateTimeOffset.FromUnixTimeSeconds(1531420618)));
    }

    [Fact]
    public void A_replayed_signature_is_refused_until_it_could_no_longer_be_fresh()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618));
        var guard = new SlackReplayGuard(time);

        Assert.True(guard.TryAccept("v0=abc"));
        Assert.False(guard.TryAccept("v0=abc"));
        Assert.True(guard.TryAccept("v0=abd"));
        time.Advance(TimeSpan.FromMinutes(9));
        Assert.False(guard.TryAccept("v0=abc"));
    }
}
