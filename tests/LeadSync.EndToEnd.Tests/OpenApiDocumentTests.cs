using System.Net;
using System.Reflection;
using System.Text.Json;
using LeadSync.Web.Admin;
using LeadSync.Web.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.EndToEnd.Tests;

/// <summary>The hand-written OpenAPI document describes exactly the routes and methods the hosts map.</summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task Document_lists_exactly_the_api_routes_and_methods_the_portable_host_maps()
    {
        await using var host = await InProcessHost.StartAsync();
        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith(Routes.Prefix + "/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!.TrimStart('/')[(Routes.Prefix.Length + 1)..])}"))
            .ToHashSet();

        var documented = (await DocumentAsync(host)).RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name != "parameters").Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();

        Assert.Equal(mapped.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Document_has_a_path_for_every_shared_route_constant()
    {
        await using var host = await InProcessHost.StartAsync();
        var paths = (await DocumentAsync(host)).RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();

        foreach (var field in typeof(Routes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.Name != nameof(Routes.Prefix)))
        {
            Assert.Contains(Normalize((string)field.GetRawConstantValue()!), paths);
        }
    }

    [Fact]
    public async Task Every_operation_has_an_id_and_admin_operations_declare_security()
    {
        await using var host = await InProcessHost.StartAsync();
        var doc = await DocumentAsync(host);
        Assert.Equal("3.1.0", doc.RootElement.GetProperty("openapi").GetString());
        foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name != "parameters"))
            {
                Assert.True(operation.Value.TryGetProperty("operationId", out _), $"{operation.Name} {path.Name} has no operationId");
                if (path.Name.StartsWith("/admin/", StringComparison.Ordinal) || path.Name == "/leads/{id}")
                {
                    Assert.True(operation.Value.TryGetProperty("security", out _), $"{operation.Name} {path.Name} declares no security");
                    Assert.True(operation.Value.GetProperty("responses").TryGetProperty("401", out _));
                }
            }
        }
    }

    [Fact]
    public async Task The_lead_schema_lists_every_member_the_lead_route_answers_with_the_contact_fields()
    {
        await using var host = await InProcessHost.StartAsync();
        var schemas = (await DocumentAsync(host)).RootElement.GetProperty("components").GetProperty("schemas");
        var lead = new Core.Leads.Lead
        {
            Id = "ld_2ke4b8gzwqtt5gbp5pd0g8s4",
            Source = "generic",
            DeliveryKey = "msg_1",
            ReceivedAt = DateTimeOffset.UnixEpoch,
            StatusChangedAt = DateTimeOffset.UnixEpoch,
            Contact = new Core.Leads.ContactDetails { Email = "ada@example.com", FirstName = "Ada" },
            Consent = new Core.Leads.ConsentFlags { Marketing = true },
            Bant = new Core.Leads.BantAnswers { Budget = "50k" },
            Touch = new Core.Leads.MarketingTouch { UtmSource = "news" },
        };
        var answer = JsonSerializer.SerializeToElement(LeadView.From(lead, []), JsonSerializerOptions.Web);

        AssertDescribed(answer, schemas.GetProperty("Lead"), "Lead");
        foreach (var (member, schema) in new[] { ("contact", "ContactDetails"), ("consent", "ConsentFlags"), ("bant", "BantAnswers"), ("touch", "MarketingTouch") })
        {
            Assert.Equal("#/components/schemas/" + schema, schemas.GetProperty("Lead").GetProperty("properties").GetProperty(member).GetProperty("$ref").GetString());
            AssertDescribed(answer.GetProperty(member), schemas.GetProperty(schema), schema);
        }

        Assert.Equal(["company", "country", "email", "firstName", "lastName", "phone", "title"],
            schemas.GetProperty("ContactDetails").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    private static void AssertDescribed(JsonElement answer, JsonElement schema, string name)
    {
        var documented = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var answered = answer.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        Assert.True(documented.SetEquals(answered),
            $"{name}: answered but not documented [{string.Join(", ", answered.Except(documented))}], documented but not answered [{string.Join(", ", documented.Except(answered))}]");
    }

    /// <summary><c>console/{*path}</c> → <c>/console/{path}</c>.</summary>
    private static string Normalize(string template) => "/" + template.Replace("{*", "{", StringComparison.Ordinal).Replace("{**", "{", StringComparison.Ordinal);

    private static async Task<JsonDocument> DocumentAsync(InProcessHost host)
    {
        using var response = await host.Client.GetAsync(new Uri("api/openapi.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
