using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeadSync.Testing;

namespace LeadSync.EndToEnd.Tests;

/// <summary>
/// Reads of admin resources answer what runs: the effective document (defaults filled in) and, with
/// <c>?sources=true</c>, where each value comes from — the settings of this host, the code's defaults or a stored version.
/// </summary>
[Collection(ThinPathCollection.Name)]
public sealed class AdminEffectivePolicyTests(ThinPathHostFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;
    private readonly PortableHostProcess _host = fixture.Host;

    [Fact]
    public async Task Sla_read_names_the_settings_and_the_defaults_each_value_comes_from()
    {
        using var response = await SendAsync(HttpMethod.Get, "api/admin/config/sla-policies?sources=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"0\"", response.Headers.ETag!.Tag);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sla-policies", view.GetProperty("resource").GetString());
        Assert.Equal(0, view.GetProperty("version").GetInt32());
        var levels = view.GetProperty("document").GetProperty("levels");
        Assert.Equal(["owner", "manager"], levels.EnumerateArray().Select(l => l.GetProperty("recipient").GetString()));
        var sources = view.GetProperty("sources");
        Assert.Equal("setting", sources.GetProperty("firstTouch").GetString());
        Assert.Equal("setting", sources.GetProperty("levels").GetString());
        Assert.Equal("default", sources.GetProperty("calendars").GetString());
        Assert.Equal("default", sources.GetProperty("policies").GetString());

        using var plain = await SendAsync(HttpMethod.Get, "api/admin/config/sla-policies");
        var document = await plain.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(view.GetProperty("document").GetRawText(), document.GetRawText());
    }

    [Fact]
    public async Task A_stored_version_is_named_as_the_source_of_the_values_it_sets()
    {
        using var saved = await SendAsync(HttpMethod.Put, "api/admin/config/directory", """{"owners":{"ada":{"manager":"grace"}}}""", "*");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var version = saved.Headers.ETag!.Tag.Trim('"');

        using var read = await SendAsync(HttpMethod.Get, "api/admin/config/directory?sources=true");

        var view = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"stored v{version}", view.GetProperty("sources").GetProperty("owners").GetString());
        Assert.Equal($"stored v{version}", view.GetProperty("sources").GetProperty("owners.ada").GetString());
        Assert.Equal("grace", view.GetProperty("document").GetProperty("owners").GetProperty("ada").GetProperty("manager").GetString());
    }

    [Fact]
    public async Task Recycle_read_shows_the_settings_values_a_stored_document_leaves_out()
    {
        using var read = await SendAsync(HttpMethod.Get, "api/admin/config/recycle?sources=true");

        var view = await read.Content.ReadFromJsonAsync<JsonElement>();
        var document = view.GetProperty("document");
        Assert.Equal(6, document.GetProperty("maxAttempts").GetInt32());
        Assert.Equal("30.00:00:00", document.GetProperty("cooldown").GetString());
        Assert.Equal("default", view.GetProperty("sources").GetProperty("maxRecycles").GetString());
        Assert.Equal("setting", view.GetProperty("sources").GetProperty("afterLastLevel").GetString());
        Assert.Equal("00:00:04", document.GetProperty("afterLastLevel").GetString());
    }

    [Fact]
    public async Task An_unknown_sources_value_is_a_validation_problem()
    {
        using var response = await SendAsync(HttpMethod.Get, "api/admin/config/qualification?sources=maybe");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("sources", out _));
    }

    [Fact]
    public async Task Validate_only_checks_a_document_with_the_write_rules_and_stores_nothing()
    {
        using var invalid = await SendAsync(HttpMethod.Put, "api/admin/config/sla-policies?validateOnly=true",
            """{"levels":[{"after":"00:30:00","recipient":"owner"},{"after":"00:10:00","recipient":"manager"}]}""");
        using var valid = await SendAsync(HttpMethod.Put, "api/admin/config/sla-policies?validateOnly=true", """{"firstTouch":"00:20:00"}""");
        using var unclear = await SendAsync(HttpMethod.Put, "api/admin/config/sla-policies?validateOnly=maybe", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("levels[1].after", out _));
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        var check = await valid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("firstTouch", check.GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, unclear.StatusCode);
        using var unchanged = await SendAsync(HttpMethod.Get, "api/admin/config/sla-policies");
        Assert.Equal("\"0\"", unchanged.Headers.ETag!.Tag);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, _host.Url(path));
        request.Headers.Add("X-LeadSync-Admin-Key", _host.AdminKey);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await _client.SendAsync(request);
    }
}
