using System.Net;
using System.Text;
using LeadSync.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.EndToEnd.Tests;

/// <summary>
/// Every admin route refuses callers without an admin identity, Entra principals without the admin role, revoked keys
/// and webhook secrets; webhook routes refuse admin credentials. Runs in memory: authorization answers before storage.
/// </summary>
public sealed class AdminAuthorizationTests
{
    private const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>One concrete request per admin route template.</summary>
    private static readonly (string Method, string Template, string Path)[] AdminRoutes =
    [
        ("POST", "api/admin/jobs/{job}/run", "api/admin/jobs/sla-sweep/run"),
        ("GET", "api/leads/{id}", "api/leads/ld_2ke4b8gzwqtt5gbp5pd0g8s4"),
        ("GET", "api/admin/config/{resource}", "api/admin/config/sla-policies"),
        ("PUT", "api/admin/config/{resource}", "api/admin/config/sla-policies"),
        ("GET", "api/admin/config/{resource}/history", "api/admin/config/sla-policies/history"),
        ("GET", "api/admin/config/{resource}/diff", "api/admin/config/sla-policies/diff"),
        ("POST", "api/admin/config/{resource}/rollback", "api/admin/config/sla-policies/rollback"),
        ("POST", "api/admin/sla-policies/dry-run", "api/admin/sla-policies/dry-run"),
        ("POST", "api/admin/qualification/dry-run", "api/admin/qualification/dry-run"),
        ("POST", "api/admin/routing-policies/dry-run", "api/admin/routing-policies/dry-run"),
        ("GET", "api/admin/leads", "api/admin/leads?status=Synced"),
        ("GET", "api/admin/dashboard", "api/admin/dashboard"),
        ("GET", "api/admin/quarantine", "api/admin/quarantine"),
        ("POST", "api/admin/quarantine/{id}/replay", "api/admin/quarantine/q_1/replay"),
        ("GET", "api/admin/dead-letters", "api/admin/dead-letters"),
        ("POST", "api/admin/dead-letters/{id}/replay", "api/admin/dead-letters/d_1/replay"),
        ("POST", "api/admin/dead-letters/replay", "api/admin/dead-letters/replay"),
        ("GET", "api/admin/reports/funnel", "api/admin/reports/funnel?from=2026-11-01&to=2026-11-23&groupBy=source"),
        ("POST", "api/admin/erasure", "api/admin/erasure"),
        ("GET", "api/admin/audit", "api/admin/audit?action=job.run"),
        ("POST", "api/admin/recycle/dry-run", "api/admin/recycle/dry-run?last=5"),
    ];

    public static TheoryData<string, string> Routes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, _, path) in AdminRoutes)
        {
            data.Add(method, path);
        }

        return data;
    }

    [Fact]
    public async Task Every_admin_route_the_host_maps_is_covered_here()
    {
        await using var host = await InProcessHost.StartAsync();
        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Where(t => t.StartsWith("api/admin/", StringComparison.Ordinal) || t == "api/leads/{id}")
            .ToHashSet();

        Assert.Equal(mapped.Order(StringComparer.Ordinal), AdminRoutes.Select(r => r.Template).ToHashSet().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Admin_route_without_credentials_answers_401(string method, string path)
    {
        await using var host = await InProcessHost.StartAsync();

        using var response = await host.Client.SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Admin_route_with_an_entra_principal_lacking_the_admin_role_answers_403(string method, string path)
    {
        await using var host = await InProcessHost.StartAsync(trustAppServiceAuthentication: true);
        using var request = Request(method, path);
        request.Headers.Add(PrincipalHeader, Principal("LeadSync.Reader"));

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"claims":[1,"x",null]}""")]
    [InlineData("""{"claims":[{"typ":5,"val":{"a":1}}],"role_typ":"roles"}""")]
    [InlineData("""{"claims":[{"typ":"roles","val":7}]}""")]
    public async Task A_principal_with_claims_of_the_wrong_shape_is_403_not_500(string principal)
    {
        await using var host = await InProcessHost.StartAsync(trustAppServiceAuthentication: true);
        using var request = Request("GET", "api/admin/dashboard");
        request.Headers.Add(PrincipalHeader, Convert.ToBase64String(Encoding.UTF8.GetBytes(principal)));

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Admin_route_accepts_an_entra_principal_with_the_admin_role(string method, string path)
    {
        await using var host = await InProcessHost.StartAsync(trustAppServiceAuthentication: true);
        using var request = Request(method, path);
        request.Headers.Add(PrincipalHeader, Principal("LeadSync.Admin"));

        using var response = await host.Client.SendAsync(request);

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Admin_route_refuses_a_key_once_its_hash_is_removed_from_settings(string method, string path)
    {
        await using var host = await InProcessHost.StartAsync();
        using (var before = await host.Client.SendAsync(Request(method, path, InProcessHost.AdminKey)))
        {
            Assert.NotEqual(HttpStatusCode.Unauthorized, before.StatusCode);
        }

        host.RevokeAdminKey();
        using var after = await host.Client.SendAsync(Request(method, path, InProcessHost.AdminKey));

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Admin_route_refuses_a_webhook_secret_as_admin_key(string method, string path)
    {
        await using var host = await InProcessHost.StartAsync();

        using var response = await host.Client.SendAsync(Request(method, path, ThinPathHostFixture.GenericSecret));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Webhook_route_refuses_admin_credentials_instead_of_a_signature()
    {
        await using var host = await InProcessHost.StartAsync(trustAppServiceAuthentication: true);
        using var request = Request("POST", "api/webhooks/generic", InProcessHost.AdminKey);
        request.Headers.Add(PrincipalHeader, Principal("LeadSync.Admin"));

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Webhook_route_still_accepts_a_signed_delivery_past_authorization()
    {
        await using var host = await InProcessHost.StartAsync();
        using var request = StandardWebhookSigner.SignedPost(new Uri(host.Client.BaseAddress!, "api/webhooks/generic"), ThinPathHostFixture.GenericSecret,
            LeadApi.LeadJson("grace@example.com"));

        using var response = await host.Client.SendAsync(request);

        // Signature accepted; storage is deliberately unreachable in this host.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private static HttpRequestMessage Request(string method, string path, string? adminKey = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "PUT" or "POST")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            request.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        }

        if (adminKey is not null)
        {
            request.Headers.Add("X-LeadSync-Admin-Key", adminKey);
        }

        return request;
    }

    private static string Principal(string role) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        $$"""{"auth_typ":"aad","name_typ":"name","role_typ":"roles","claims":[{"typ":"name","val":"eve@example.com"},{"typ":"roles","val":"{{role}}"}]}"""));
}
