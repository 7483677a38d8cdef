using System.Text.Json;
using LeadSync.Core.Admin;
using LeadSync.Core.Qualification;
using LeadSync.Core.Recycle;
using LeadSync.Core.Sla;
using LeadSync.Core.Tests.Sla.Policies;

namespace LeadSync.Core.Tests.Admin;

public sealed class AdminResourceCatalogTests
{
    private readonly AdminResourceCatalog _catalog = new(
        new FixedOptionsMonitor<SlaOptions>(new SlaOptions { FirstTouch = TimeSpan.FromHours(2) }),
        new FixedOptionsMonitor<QualificationOptions>(new QualificationOptions { MinimumScore = 40 }),
        new FixedOptionsMonitor<RecycleOptions>(new RecycleOptions()));

    [Fact]
    public void The_fallback_is_the_settings_in_the_document_shape()
    {
        using var sla = JsonDocument.Parse(_catalog.Fallback(AdminResources.SlaPolicies));
        using var qualification = JsonDocument.Parse(_catalog.Fallback(AdminResources.Qualification));

        Assert.Equal("02:00:00", sla.RootElement.GetProperty("firstTouch").GetString());
        Assert.Equal(40, qualification.RootElement.GetProperty("minimumScore").GetInt32());
    }

    [Fact]
    public void Sla_errors_come_from_the_settings_validators_keyed_by_json_path()
    {
        var check = _catalog.Check(AdminResources.SlaPolicies, """
            {"levels":[{"after":"00:30:00","recipient":"owner"},{"after":"00:30:00","recipient":"owner"}],
             "calendars":{"Emea":{"timeZone":"Europe/Nowhere"}},
             "policies":[{"name":"all"},{"name":"late","firstTouch":"00:00:00"}]}
            """, null);

        Assert.False(check.IsValid);
        Assert.Contains("later than level 0", Assert.Single(check.Errors["levels[1].after"]), StringComparison.Ordinal);
        Assert.True(check.Errors.ContainsKey("calendars.Emea.timeZone"));
        Assert.True(check.Errors.ContainsKey("policies[1].firstTouch"));
        Assert.True(check.Errors.ContainsKey("policies[1]"));
    }

    [Fact]
    public void Unknown_fields_and_bad_durations_are_field_errors()
    {
        Assert.True(_catalog.Check(AdminResources.Recycle, """{"noProgressWindow":"14.00:00:00","extra":true}""", null).Errors.ContainsKey("extra"));
        Assert.True(_catalog.Check(AdminResources.Recycle, """{"noProgressWindow":"two weeks"}""", null).Errors.ContainsKey("noProgressWindow"));
        Assert.True(_catalog.Check(AdminResources.Recycle, """{"noProgressWindow":"00:00:00"}""", null).Errors.ContainsKey("noProgressWindow"));
    }

    [Fact]
    public void Qualification_accepts_only_known_required_fields()
    {
        var check = _catalog.Check(AdminResources.Qualification, """{"minimumScore":50,"requiredFields":["company","budget"]}""", null);

        Assert.Equal(["requiredFields[1]"], check.Errors.Keys);
    }

    [Fact]
    public void A_valid_document_lists_the_fields_it_changes()
    {
        var check = _catalog.Check(AdminResources.Qualification, """{"minimumScore":60}""", null);

        Assert.True(check.IsValid);
        Assert.Equal(["minimumScore"], check.Changes);
    }

    [Fact]
    public void Connection_secrets_are_kept_when_omitted_and_never_in_the_history()
    {
        var first = _catalog.Check(AdminResources.Connections, """{"sources":{"generic":{"secret":"s1"}},"crm":{"clientSecret":"c1"}}""", null);
        var second = _catalog.Check(AdminResources.Connections, """{"sources":{"generic":{"enabled":false}}}""", first.Json);

        Assert.Contains("s1", second.Json, StringComparison.Ordinal);
        Assert.Contains("c1", second.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("s1", second.HistoryJson, StringComparison.Ordinal);
        Assert.DoesNotContain("c1", AdminResourceCatalog.Redacted(AdminResources.Connections, second.Json), StringComparison.Ordinal);
        Assert.Contains("\"secretSet\":true", second.HistoryJson, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Policies:0:Match:MinScore", "policies[0].match.minScore")]
    [InlineData("Calendars:Emea:Hours:Monday", "calendars.Emea.hours.Monday")]
    [InlineData("FirstTouch", "firstTouch")]
    public void Settings_paths_become_json_paths(string setting, string json) =>
        Assert.Equal(json, AdminFieldErrors.ToJsonPath(setting));
}
