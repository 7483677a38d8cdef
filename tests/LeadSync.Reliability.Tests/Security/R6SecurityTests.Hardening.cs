using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LeadSync.Core.Intake.LinkedIn;
using LeadSync.Reliability.Tests.Hostile;

namespace LeadSync.Reliability.Tests.Security;

/// <summary>
/// R6, issue 21: the LinkedIn validation GET is no signing oracle, and every source can be re-keyed and turned off
/// through the admin API (the old key stops working at once, the new one works, a disabled source is refused).
/// </summary>
public sealed partial class R6SecurityTests
{
    [Fact]
    public async Task The_linkedin_validation_get_is_not_a_signing_oracle_for_deliveries()
    {
        // The attack: the validation answer is hex HMAC(clientSecret, challengeCode) and a delivery's X-LI-Signature is
        // hex HMAC(clientSecret, "hmacsha256=" + body), so a challengeCode of "hmacsha256=" + body signs that body.
        var body = JsonSerializer.Serialize(new
        {
            type = "LEAD_ACTION",
            leadAction = "CREATED",
            leadGenFormResponse = "urn:li:leadFormResponse:oracle" + Guid.NewGuid().ToString("N")[..8],
            leadGenForm = "urn:li:leadForm:42",
        });
        using var validation = await fixture.Client.GetAsync(fixture.Host.Url("api/webhooks/linkedin?challengeCode=" + Uri.EscapeDataString("hmacsha256=" + body)));
        var answer = await validation.Content.ReadAsStringAsync();
        var signature = validation.IsSuccessStatusCode ? JsonDocument.Parse(answer).RootElement.GetProperty("challengeResponse").GetString()! : "none";

        using var forged = new HttpRequestMessage(HttpMethod.Post, WebhookUrl("linkedin")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        forged.Headers.TryAddWithoutValidation(LinkedInWebhookSource.SignatureHeader, signature);
        using var posted = await fixture.Client.SendAsync(forged);

        Assert.True(validation.StatusCode == HttpStatusCode.BadRequest, $"The validation GET signed an attacker's body: {(int)validation.StatusCode} {answer}");
        Assert.Equal("application/problem+json", validation.Content.Headers.ContentType?.MediaType);
        await AssertProblemAsync(posted, 401);

        // LinkedIn's own validation (a UUID) still gets its answer.
        var code = Guid.NewGuid().ToString();
        var genuine = await fixture.Client.GetFromJsonAsync<JsonElement>(fixture.Host.Url("api/webhooks/linkedin?challengeCode=" + code));
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secrets.LinkedIn), Encoding.UTF8.GetBytes(code)));
        Assert.Equal(expected, genuine.GetProperty("challengeResponse").GetString());
    }

    [Fact]
    public async Task Every_source_can_be_re_keyed_and_disabled_through_the_admin_api()
    {
        var rekeyed = new List<string>();
        try
        {
            foreach (var dialect in SourceDialects.All)
            {
                var source = dialect.Name;
                var newSecret = source == "generic"
                    ? "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
                    : $"rekeyed-{source}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
                rekeyed.Add(newSecret);

                Assert.Equal(HttpStatusCode.Accepted, await DeliverAsync(dialect, dialect.Secret, "before"));

                await PutConnectionsAsync(new Dictionary<string, object> { [source] = new { enabled = true, secret = newSecret } });
                Assert.True(await DeliverAsync(dialect, dialect.Secret, "oldkey") == HttpStatusCode.Unauthorized, $"{source}: the old key still works after re-keying.");
                Assert.True(await DeliverAsync(dialect, newSecret, "newkey") == HttpStatusCode.Accepted, $"{source}: the new key does not work.");

                await PutConnectionsAsync(new Dictionary<string, object> { [source] = new { enabled = false } });
                Assert.True(await DeliverAsync(dialect, newSecret, "disabled") == HttpStatusCode.NotFound, $"{source}: a disabled source still takes deliveries.");
                Assert.True(await DeliverAsync(dialect, dialect.Secret, "disabled-old") == HttpStatusCode.NotFound, $"{source}: a disabled source still takes the configured key.");

                await PutConnectionsAsync([]);
                Assert.Equal(HttpStatusCode.Accepted, await DeliverAsync(dialect, dialect.Secret, "after"));
            }
        }
        finally
        {
            await PutConnectionsAsync([]);
        }

        var lines = fixture.EarlierHostOutput.Concat(fixture.Host.Output).ToList();
        Assert.DoesNotContain(lines, l => rekeyed.Any(secret => l.Contains(secret, StringComparison.Ordinal)));
        AssertLogClean();
    }

    /// <summary>Replaces the stored connections document (blind write); an empty map puts every source back on its settings.</summary>
    private async Task PutConnectionsAsync(Dictionary<string, object> sources)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, fixture.Host.Url("api/admin/config/connections"))
        {
            Content = JsonContent.Create(new { sources }),
        };
        request.Headers.TryAddWithoutValidation("X-LeadSync-Admin-Key", fixture.Host.AdminKey);
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        using var response = await fixture.Client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT connections answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<HttpStatusCode> DeliverAsync(SourceDialect dialect, string secret, string purpose)
    {
        var body = Body(dialect, Sample(dialect.Name, purpose), key: secret);
        using var request = DeliveryTemplate.Create(WebhookUrl(dialect.Name), dialect, body, secret).ToRequest();
        using var response = await fixture.Client.SendAsync(request);
        return response.StatusCode;
    }
}
