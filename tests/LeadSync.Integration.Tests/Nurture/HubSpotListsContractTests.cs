using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LeadSync.Infrastructure.Nurture;
using LeadSync.Infrastructure.Nurture.HubSpot;
using Microsoft.Extensions.Options;
using Refit;

namespace LeadSync.Integration.Tests.Nurture;

/// <summary>The HubSpot list call LeadSync makes, checked by Prism against HubSpot's whole published Lists v3 document.</summary>
public sealed class HubSpotListsContractTests(PrismFixture prism) : IClassFixture<PrismFixture>
{
    private HttpClient Client() =>
        new(new HubSpotAuthHandler(new StaticMonitor(new NurtureOptions { HubSpot = { AccessToken = "pat-test-token", ListId = "123" } }))
        {
            InnerHandler = new ContractGuard { InnerHandler = new HttpClientHandler() },
        })
        { BaseAddress = prism.BaseUrl };

    private static string Violations(HttpResponseMessage response) =>
        response.Headers.TryGetValues("sl-violations", out var values) ? string.Join(' ', values) : string.Empty;

    [Fact]
    public async Task Adding_a_contact_to_the_static_list_conforms_to_the_published_contract()
    {
        using var http = Client();
        var api = RestService.ForGenerated<IHubSpotListsApi>(http);

        var response = await api.AddMembersAsync("123", ["501"], CancellationToken.None);

        Assert.True(response.IsSuccessStatusCode, $"Prism rejected the request: {(int?)response.StatusCode} {response.Error?.Message}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Content);
        Assert.Null(NurtureResponseMapper.Failure(response, "HubSpot list 123", "list membership"));
    }

    [Fact]
    public async Task Prism_serves_the_whole_published_document_not_only_the_called_operation()
    {
        var published = JsonNode.Parse(await File.ReadAllTextAsync(PrismFixture.PublishedDocumentPath))!.AsObject();
        OpenApiCycles.Relax(published, out var relaxed);

        Assert.Equal(published["paths"]!.AsObject().Select(p => p.Key), prism.ServedDocument["paths"]!.AsObject().Select(p => p.Key));
        Assert.True(JsonNode.DeepEquals(published["paths"], prism.ServedDocument["paths"]));
        var servedSchemas = prism.ServedDocument["components"]!["schemas"]!.AsObject();
        var differing = published["components"]!["schemas"]!.AsObject()
            .Where(s => !JsonNode.DeepEquals(s.Value, servedSchemas[s.Key])).Select(s => s.Key).ToList();
        Assert.Equal(relaxed, differing);
        Assert.All(differing, name => Assert.True(name.EndsWith("FilterBranch", StringComparison.Ordinal) || name == "PublicListFolder", name));

        using var http = new HttpClient { BaseAddress = prism.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "pat-test-token");
        using var body = new StringContent("""["501"]""", Encoding.UTF8, "application/json");
        using var other = await http.PutAsync(new Uri("/crm/v3/lists/123/memberships/remove", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Empty(Violations(other));
    }

    [Fact]
    public async Task A_request_the_contract_rejects_is_refused_and_reported()
    {
        using var http = new HttpClient { BaseAddress = prism.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "pat-test-token");
        using var wrongBody = new StringContent("""{"recordIds":["501"]}""", Encoding.UTF8, "application/json");

        using var raw = await http.PutAsync(new Uri("/crm/v3/lists/123/memberships/add", UriKind.Relative), wrongBody);

        Assert.False(raw.IsSuccessStatusCode);
        Assert.Contains("\"location\":[\"request\",\"body\"]", Violations(raw), StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => ContractGuard.ThrowOnRequestViolation(raw));
    }

    [Fact]
    public async Task A_request_without_credentials_is_refused_by_the_contract()
    {
        using var http = new HttpClient { BaseAddress = prism.BaseUrl };
        using var body = new StringContent("""["501"]""", Encoding.UTF8, "application/json");

        using var raw = await http.PutAsync(new Uri("/crm/v3/lists/123/memberships/add", UriKind.Relative), body);

        Assert.False(raw.IsSuccessStatusCode);
        Assert.Contains("Invalid security scheme", Violations(raw), StringComparison.Ordinal);
    }

    /// <summary>Fails the test whenever Prism reports that a request LeadSync made violates the published contract.</summary>
    private sealed class ContractGuard : DelegatingHandler
    {
        public static void ThrowOnRequestViolation(HttpResponseMessage response)
        {
            var violations = Violations(response);
            if (violations.Contains("\"location\":[\"request\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The request violates HubSpot's published contract: " + violations);
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            ThrowOnRequestViolation(response);
            return response;
        }
    }

    private sealed class StaticMonitor(NurtureOptions value) : IOptionsMonitor<NurtureOptions>
    {
        public NurtureOptions CurrentValue => value;

        public NurtureOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<NurtureOptions, string?> listener) => null;
    }
}
