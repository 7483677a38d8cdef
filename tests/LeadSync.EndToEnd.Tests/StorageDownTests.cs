using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadSync.Testing;

namespace LeadSync.EndToEnd.Tests;

/// <summary>With storage unreachable nothing is acknowledged: intake answers a retryable 503, health says so.</summary>
public sealed class StorageDownTests : IAsyncLifetime
{
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(60) };
    private PortableHostProcess _host = null!;

    public async Task InitializeAsync()
    {
        var deadPort = FreePort.Next();
        _host = await PortableHostProcess.StartAsync(new Dictionary<string, string>
        {
            ["LeadSync__Storage__ConnectionString"] =
                $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteProcess.AccountKey};" +
                $"QueueEndpoint=http://127.0.0.1:{deadPort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{deadPort}/devstoreaccount1;",
        });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Health_is_503_when_storage_is_unreachable()
    {
        using var response = await _client.GetAsync(_host.Url("api/health"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_valid_webhook_gets_a_retryable_503_and_no_acknowledgement()
    {
        using var request = StandardWebhookSigner.SignedPost(_host.Url("api/webhooks/generic"), ThinPathHostFixture.GenericSecret, LeadApi.LeadJson("down@example.com"));

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter is not null);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("/problems/storage-unavailable", problem.GetProperty("type").GetString());
    }
}
