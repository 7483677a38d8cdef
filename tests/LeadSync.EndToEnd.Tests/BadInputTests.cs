using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeadSync.Testing;

namespace LeadSync.EndToEnd.Tests;

/// <summary>Bad input on the intake path always gets a clear 4xx problem+json and nothing is stored.</summary>
[Collection(ThinPathCollection.Name)]
public sealed class BadInputTests(ThinPathHostFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;
    private readonly PortableHostProcess _host = fixture.Host;

    private async Task<(HttpStatusCode Status, JsonElement Problem, string? MediaType)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await _client.SendAsync(request);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (response.StatusCode, problem, response.Content.Headers.ContentType?.MediaType);
        }
    }

    private HttpRequestMessage Signed(string body, string? contentType = "application/json")
    {
        var request = StandardWebhookSigner.SignedPost(_host.Url("api/webhooks/generic"), ThinPathHostFixture.GenericSecret, body);
        if (contentType != "application/json")
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        return request;
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        var (status, problem, mediaType) = await SendAsync(Signed("{\"data\": {\"email\": "));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal("/problems/malformed", problem.GetProperty("type").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_missing_signature_is_401()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _host.Url("api/webhooks/generic"))
        {
            Content = new StringContent(LeadApi.LeadJson("nosig@example.com"), Encoding.UTF8, "application/json"),
        };

        var (status, problem, mediaType) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal("/problems/unauthenticated", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_wrong_signature_or_a_stale_timestamp_is_401()
    {
        var wrong = StandardWebhookSigner.SignedPost(_host.Url("api/webhooks/generic"), "whsec_" + Convert.ToBase64String(new byte[32]), LeadApi.LeadJson("wrong@example.com"));
        var stale = StandardWebhookSigner.SignedPost(_host.Url("api/webhooks/generic"), ThinPathHostFixture.GenericSecret, LeadApi.LeadJson("stale@example.com"), at: DateTimeOffset.UtcNow.AddMinutes(-6));

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(wrong)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(stale)).Status);
    }

    [Fact]
    public async Task A_body_over_256_KB_is_413()
    {
        var body = "{\"data\":{\"email\":\"big@example.com\",\"company\":\"" + new string('x', 300 * 1024) + "\"}}";

        var (status, problem, mediaType) = await SendAsync(Signed(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal("/problems/payload-too-large", problem.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task A_wrong_content_type_is_415(string? contentType)
    {
        var (status, problem, _) = await SendAsync(Signed(LeadApi.LeadJson("type@example.com"), contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("/problems/unsupported-media-type", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_lead_without_any_contact_channel_is_422_with_field_errors()
    {
        var (status, problem, _) = await SendAsync(Signed("""{"type":"lead.created","data":{"firstName":"Nobody"}}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("data.email", out _));
    }

    [Fact]
    public async Task An_unknown_source_is_404()
    {
        var request = StandardWebhookSigner.SignedPost(_host.Url("api/webhooks/not-a-source"), ThinPathHostFixture.GenericSecret, LeadApi.LeadJson("x@example.com"));

        var (status, problem, mediaType) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal("/problems/unknown-source", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_crm_callback_with_a_bad_signature_is_401_and_changes_nothing()
    {
        var request = StandardWebhookSigner.SignedPost(_host.Url("api/crm-events/sandbox"), ThinPathHostFixture.GenericSecret, """{"leadId":"ld_x","event":"contacted"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(request)).Status);
    }
}
