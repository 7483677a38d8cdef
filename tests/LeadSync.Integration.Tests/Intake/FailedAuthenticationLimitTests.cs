using System.Globalization;
using System.Text;
using LeadSync.Core.Intake.Signatures;
using LeadSync.Testing;
using LeadSync.Web.Endpoints;
using Microsoft.AspNetCore.Http;

namespace LeadSync.Integration.Tests.Intake;

/// <summary>
/// Issue 21 item 12: failed authentications are rate limited per source in the shared webhook handler (both hosts call
/// it): past LeadSync:Intake:FailedAuthLimit per window they get 429 problem+json with Retry-After instead of 401;
/// authentic deliveries and other sources are not limited.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FailedAuthenticationLimitTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["LeadSync:Intake:FailedAuthLimit"] = "3",
            ["LeadSync:Intake:FailedAuthWindow"] = "00:05:00",
            ["LeadSync:Sources:typeform:Secret"] = "tf-secret-limit-test",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Failed_authentications_past_the_limit_get_429_with_retry_after_while_authentic_deliveries_pass()
    {
        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await SendAsync("generic", Forged("generic"))).Status);
        }

        Assert.Equal([401, 401, 401, 429, 429], statuses);
        var limited = await SendAsync("generic", Forged("generic"));
        Assert.Equal(429, limited.Status);
        Assert.Equal("application/problem+json", limited.ContentType);
        Assert.Contains("/problems/too-many-requests", limited.Body, StringComparison.Ordinal);
        Assert.True(int.Parse(limited.RetryAfter, CultureInfo.InvariantCulture) is > 0 and <= 300, limited.RetryAfter);

        // The vendor's authentic deliveries still go through, and another source has its own budget.
        Assert.Equal(202, (await SendAsync("generic", Authentic())).Status);
        Assert.Equal(401, (await SendAsync("typeform", Forged("typeform"))).Status);
    }

    private static (byte[] Body, Dictionary<string, string> Headers) Forged(string source) =>
        (Encoding.UTF8.GetBytes("""{"data":{"email":"eve@example.com"}}"""), source == "generic"
            ? new() { ["webhook-id"] = "msg_forged", ["webhook-timestamp"] = "1", ["webhook-signature"] = "v1,AAAA" }
            : new() { ["Typeform-Signature"] = "sha256=AAAA" });

    private (byte[] Body, Dictionary<string, string> Headers) Authentic()
    {
        var body = Encoding.UTF8.GetBytes("""{"type":"lead.created","data":{"email":"limited.but.fine@example.com"}}""");
        var id = "msg_" + Guid.NewGuid().ToString("N");
        var now = _services.Time.GetUtcNow().ToUnixTimeSeconds();
        return (body, new()
        {
            ["webhook-id"] = id,
            ["webhook-timestamp"] = now.ToString(CultureInfo.InvariantCulture),
            ["webhook-signature"] = StandardWebhookVerifier.Sign(TestServices.GenericSecret, id, now, body),
        });
    }

    private async Task<(int Status, string ContentType, string Body, string RetryAfter)> SendAsync(string source, (byte[] Body, Dictionary<string, string> Headers) delivery)
    {
        var context = new DefaultHttpContext { RequestServices = _services.Services };
        context.Request.Method = "POST";
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("leadsync.example.com");
        context.Request.Path = "/api/webhooks/" + source;
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(delivery.Body);
        context.Request.ContentLength = delivery.Body.Length;
        foreach (var (name, value) in delivery.Headers)
        {
            context.Request.Headers[name] = value;
        }

        context.Response.Body = new MemoryStream();
        var result = await _services.Get<WebhookEndpoints>().ReceiveAsync(context.Request, source, CancellationToken.None);
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return (context.Response.StatusCode, context.Response.ContentType?.Split(';')[0] ?? string.Empty, body, context.Response.Headers.RetryAfter.ToString());
    }
}
