using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace LeadSync.EndToEnd.Tests;

/// <summary><c>POST /api/admin/erasure</c> refuses bad bodies with a 4xx problem before touching storage.</summary>
public sealed class ErasureBadInputTests
{
    [Theory]
    [InlineData("not json", 400, "/problems/malformed", null)]
    [InlineData("[]", 400, "/problems/malformed", null)]
    [InlineData("{}", 400, "/problems/validation", "email")]
    [InlineData("""{"email":"a@example.com","leadId":"ld_2ke4b8gzwqtt5gbp5pd0g8s4"}""", 400, "/problems/validation", "leadId")]
    [InlineData("""{"email":"not-an-address"}""", 400, "/problems/validation", "email")]
    [InlineData("""{"email":42}""", 400, "/problems/validation", "email")]
    [InlineData("""{"leadId":"ld_../../etc"}""", 400, "/problems/validation", "leadId")]
    [InlineData("""{"email":"a@example.com","reason":"REASON"}""", 400, "/problems/validation", "reason")]
    public async Task Bad_bodies_get_a_problem_naming_what_is_wrong(string body, int status, string type, string? field)
    {
        await using var host = await InProcessHost.StartAsync();
        body = body.Replace("REASON", new string('x', 501), StringComparison.Ordinal);

        using var response = await host.Client.SendAsync(Request(body));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(type, problem.GetProperty("type").GetString());
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
    }

    [Fact]
    public async Task An_oversized_body_is_413()
    {
        await using var host = await InProcessHost.StartAsync();

        using var response = await host.Client.SendAsync(Request($$"""{"email":"a@example.com","reason":"{{new string('x', 5000)}}"}"""));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static HttpRequestMessage Request(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/admin/erasure") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-LeadSync-Admin-Key", InProcessHost.AdminKey);
        return request;
    }
}
