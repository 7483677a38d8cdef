using System.Text.Json.Nodes;
using System.Text.Json;
using LeadSync.Core.Admin;
using LeadSync.Core.Crm;
using LeadSync.Core.Notifications;
using LeadSync.Core.Qualification;
using LeadSync.Core.Recycle;
using LeadSync.Core.Sla;
using LeadSync.Core.Tests.Intake;
using LeadSync.Core.Tests.Sla.Policies;

namespace LeadSync.Core.Tests.Admin;

public sealed class AdminResourceCatalogTests
{
    private readonly AdminResourceCatalog _catalog = new(
        new FixedOptionsMonitor<SlaOptions>(new SlaOptions { FirstTouch = TimeSpan.FromHours(2) }),
        new FixedOptionsMonitor<QualificationOptions>(new QualificationOptions { MinimumScore = 40 }),
        new FixedOptionsMonitor<RecycleOptions>(new RecycleOptions()),
        new FixedOptionsMonitor<DirectoryOptions>(new DirectoryOptions { Owners = { ["ana"] = new DirectoryEntryOptions { Manager = "max" } } }),
        new FixedOptionsMonitor<CrmOptions>(new CrmOptions { Provider = "hubspot" }),
        SourceCatalog.All);

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
    public void The_recycle_resource_holds_every_run_time_rule_and_checks_them_as_the_settings_are()
    {
        var fallback = JsonNode.Parse(_catalog.Fallback(AdminResources.Recycle))!.AsObject();
        Assert.Equal(
            ["afterLastLevel", "attemptsWindow", "cooldown", "defaultTarget", "maxAttempts", "maxRecycles", "noProgressWindow", "targets"],
            fallback.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(6, fallback["maxAttempts"]!.GetValue<int>());

        var valid = _catalog.Check(AdminResources.Recycle, """{"noProgressWindow":"7.00:00:00","maxRecycles":5,"cooldown":"10.00:00:00","maxAttempts":0}""", null);
        Assert.True(valid.IsValid, string.Join("; ", valid.Errors.SelectMany(e => e.Value)));
        Assert.Contains("maxRecycles", valid.Changes);

        var invalid = _catalog.Check(AdminResources.Recycle, """{"noProgressWindow":"7.00:00:00","maxRecycles":-1,"cooldown":"-1.00:00:00","afterLastLevel":"-00:10:00"}""", null);
        Assert.Equal(["afterLastLevel", "cooldown", "maxRecycles"], invalid.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_recycle_document_sets_what_it_names_and_leaves_the_rest_to_the_settings()
    {
        var options = new RecycleOptions { MaxRecycles = 3, Cooldown = TimeSpan.FromDays(30), MaxAttempts = 6 };

        new RecyclePolicyDocument { NoProgressWindow = TimeSpan.FromDays(7), MaxRecycles = 1 }.ApplyTo(options);

        Assert.Equal(TimeSpan.FromDays(7), options.NoProgressWindow);
        Assert.Equal(1, options.MaxRecycles);
        Assert.Equal(TimeSpan.FromDays(30), options.Cooldown);
        Assert.Equal(6, options.MaxAttempts);
    }

    [Fact]
    public void Qualification_accepts_only_known_required_fields_and_known_modes()
    {
        var check = _catalog.Check(AdminResources.Qualification, """{"minimumScore":50,"requiredFields":["company","budget","shoeSize"]}""", null);
        var mode = _catalog.Check(AdminResources.Qualification, """{"minimumScore":50,"requiredFields":["budget"],"mode":"sometimes"}""", null);
        var emptyAny = _catalog.Check(AdminResources.Qualification, """{"mode":"any"}""", null);

        Assert.Equal(["requiredFields[2]"], check.Errors.Keys);
        Assert.Contains("not a known field", check.Errors["requiredFields[2]"][0], StringComparison.Ordinal);
        Assert.Equal(["mode"], mode.Errors.Keys);
        Assert.Equal(["mode"], emptyAny.Errors.Keys);
    }

    [Fact]
    public void A_bant_definition_is_stored_with_its_mode()
    {
        var check = _catalog.Check(AdminResources.Qualification, """{"minimumScore":70,"requiredFields":["budget","authority"],"mode":"any"}""", null);

        Assert.True(check.IsValid, string.Join("; ", check.Errors.SelectMany(e => e.Value)));
        Assert.Contains("\"mode\":\"Any\"", check.Json, StringComparison.Ordinal);
        Assert.Equal(["minimumScore", "requiredFields", "mode"], check.Changes);
    }

    [Fact]
    public void The_directory_falls_back_to_the_settings_and_accepts_only_known_channels()
    {
        using var fallback = JsonDocument.Parse(_catalog.Fallback(AdminResources.Directory));
        var check = _catalog.Check(AdminResources.Directory, """
            {"owners":{"ada":{"manager":"grace","channel":"#sales"},"bob":{},"cy":{"email":"not-an-address"}},"defaultTeamChannel":"pager"}
            """, null);

        Assert.Equal("max", fallback.RootElement.GetProperty("owners").GetProperty("ana").GetProperty("manager").GetString());
        Assert.Equal(["owners.bob", "owners.cy.email"], check.Errors.Keys.Order(StringComparer.Ordinal));
        var channels = _catalog.Check(AdminResources.Directory, """{"owners":{"ada":{"manager":"grace","channel":"#sales"}},"defaultTeamChannel":"pager"}""", null);
        Assert.Equal(["defaultTeamChannel", "owners.ada.channel"], channels.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Connections_name_known_sources_usable_secrets_and_the_running_crm_provider()
    {
        var check = _catalog.Check(AdminResources.Connections, """
            {"sources":{"nosuch":{"enabled":true},"generic":{"secret":"not-whsec"},"unbounce":{"secret":" "}},"crm":{"provider":"salesforce"}}
            """, null);

        Assert.Equal(["crm.provider", "sources.generic.secret", "sources.nosuch", "sources.unbounce.secret"], check.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.True(_catalog.Check(AdminResources.Connections, """{"sources":{"unbounce":{"secret":"k2"}},"crm":{"provider":"HubSpot"}}""", null).IsValid);
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
        var first = _catalog.Check(AdminResources.Connections, """{"sources":{"typeform":{"secret":"s1"}},"crm":{"clientSecret":"c1"}}""", null);
        var second = _catalog.Check(AdminResources.Connections, """{"sources":{"typeform":{"enabled":false}}}""", first.Json);

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
