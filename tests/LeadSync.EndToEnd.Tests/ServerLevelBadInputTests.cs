using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using LeadSync.Testing;

namespace LeadSync.EndToEnd.Tests;

/// <summary>
/// Bad input refused before a lead is parsed still gets problem+json: vendor validation GETs (Meta, LinkedIn), form
/// field names over the limit, and requests Kestrel itself refuses (malformed request line or header, headers too large).
/// </summary>
[Collection(ThinPathCollection.Name)]
public sealed class ServerLevelBadInputTests(ThinPathHostFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;
    private readonly PortableHostProcess _host = fixture.Host;

    [Theory]
    [InlineData("hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1158201444", 403, "/problems/forbidden")]
    [InlineData("hub.mode=subscribe&hub.verify_token=" + ThinPathHostFixture.MetaVerifyToken, 400, "/problems/invalid-challenge")]
    [InlineData("hub.mode=unsubscribe&hub.verify_token=" + ThinPathHostFixture.MetaVerifyToken + "&hub.challenge=1", 400, "/problems/invalid-challenge")]
    public async Task A_refused_meta_verification_is_problem_json(string query, int status, string type)
    {
        using var response = await _client.GetAsync(_host.Url("api/webhooks/meta?" + query));

        await AssertProblemAsync(response, status, type);
    }

    [Fact]
    public async Task Meta_verification_with_the_right_token_still_echoes_the_challenge()
    {
        var answer = await _client.GetStringAsync(_host.Url($"api/webhooks/meta?hub.mode=subscribe&hub.verify_token={ThinPathHostFixture.MetaVerifyToken}&hub.challenge=1158201444"));

        Assert.Equal("1158201444", answer);
    }

    [Theory]
    [InlineData("hmacsha256%3D%7B%7D")]
    [InlineData("not-a-uuid")]
    [InlineData("")]
    public async Task A_linkedin_challenge_that_is_not_a_uuid_is_400_problem_json(string code)
    {
        using var response = await _client.GetAsync(_host.Url("api/webhooks/linkedin?challengeCode=" + code));

        await AssertProblemAsync(response, 400, "/problems/invalid-challenge");
    }

    [Fact]
    public async Task A_form_field_name_over_256_characters_is_400_problem_json()
    {
        var body = "email=long-key%40example.com&" + new string('k', 257) + "=v";
        using var content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await _client.PostAsync(_host.Url("api/webhooks/pardot?key=" + ThinPathHostFixture.PardotKey), content);

        await AssertProblemAsync(response, 400, "/problems/malformed");
    }

    [Theory]
    [InlineData("GARBAGE\r\n\r\n", 400)]
    [InlineData("GET /api/health HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n", 400)]
    [InlineData("GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Bare: a\rb\r\n\r\n", 400)]
    [InlineData("GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: {big}\r\n\r\n", 431)]
    public async Task A_request_kestrel_refuses_itself_gets_a_problem_json_body(string request, int status)
    {
        var (head, body) = await RawExchangeAsync(request.Replace("{big}", new string('a', 40 * 1024), StringComparison.Ordinal));

        Assert.StartsWith($"HTTP/1.1 {status} ", head, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", head, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("/problems/", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Ordinary_answers_pass_the_connection_unchanged()
    {
        var (head, body) = await RawExchangeAsync("GET /api/nope HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        // LeadSync's own 404 is untouched: its problem body as the app wrote it (chunked), not a rewritten one.
        Assert.StartsWith("HTTP/1.1 404 ", head, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", head, StringComparison.Ordinal);
        Assert.Contains("\"status\":404", body, StringComparison.Ordinal);
        Assert.Contains("/problems/not-found", body, StringComparison.Ordinal);
        using var health = await _client.GetAsync(_host.Url("api/health"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private async Task<(string Head, string Body)> RawExchangeAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_host.BaseUrl.Host, _host.BaseUrl.Port);
        var stream = tcp.GetStream();
        try
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        }
        catch (IOException)
        {
            // The server may answer and close before it has read everything we send.
        }

        using var read = new MemoryStream();
        var buffer = new byte[8192];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                read.Write(buffer, 0, n);
            }
        }
        catch (IOException)
        {
            // Connection reset after the answer: what was read is the answer.
        }

        var text = Encoding.Latin1.GetString(read.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, "No HTTP answer: " + text);
        return (text[..split], text[(split + 4)..]);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string type)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(type, problem.GetProperty("type").GetString());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
    }
}
