using LeadSync.Core.Admin;
using LeadSync.Web.Admin;
using Microsoft.Extensions.Configuration;

namespace LeadSync.Integration.Tests.Admin;

/// <summary>Where each value of an effective admin document comes from: the code's default, the settings, or a stored version.</summary>
public sealed class AdminValueSourcesTests
{
    private const string DefaultSla = """{"firstTouch":"01:00:00","levels":[{"after":"00:00:00"}],"calendars":{"emea":{}},"policies":[]}""";

    [Fact]
    public void With_nothing_set_every_value_is_a_default()
    {
        var sources = AdminValueSources.Of(AdminResources.SlaPolicies, DefaultSla, stored: null, Settings());

        Assert.All(["firstTouch", "levels", "calendars", "policies", "calendars.emea"], field => Assert.Equal("default", sources[field]));
    }

    [Fact]
    public void Values_the_settings_set_are_named_as_settings()
    {
        var settings = Settings(("LeadSync:Sla:Levels:0:Recipient", "owner"), ("LeadSync:Sla:Calendars:emea:TimeZone", "Europe/Berlin"));

        var sources = AdminValueSources.Of(AdminResources.SlaPolicies, DefaultSla, stored: null, settings);

        Assert.Equal("setting", sources["levels"]);
        Assert.Equal("setting", sources["calendars"]);
        Assert.Equal("setting", sources["calendars.emea"]);
        Assert.Equal("default", sources["firstTouch"]);
    }

    [Fact]
    public void A_stored_sla_version_sets_everything_but_an_empty_ladder_which_runs_the_built_in_rungs()
    {
        var stored = Version(AdminResources.SlaPolicies, 4, """{"firstTouch":"00:20:00","levels":[],"calendars":{},"policies":[]}""");
        var settings = Settings(("LeadSync:Sla:Levels:0:Recipient", "owner"));

        var sources = AdminValueSources.Of(AdminResources.SlaPolicies, DefaultSla, stored, settings);

        Assert.Equal("stored v4", sources["firstTouch"]);
        Assert.Equal("stored v4", sources["policies"]);
        Assert.Equal("default", sources["levels"]);
    }

    [Fact]
    public void Recycle_fields_a_stored_version_leaves_out_come_from_the_settings_or_the_defaults()
    {
        var effective = """{"noProgressWindow":"3.00:00:00","afterLastLevel":null,"maxAttempts":6,"attemptsWindow":"10.00:00:00","cooldown":"7.00:00:00","maxRecycles":3}""";
        var stored = Version(AdminResources.Recycle, 2, """{"noProgressWindow":"3.00:00:00","afterLastLevel":null,"maxAttempts":null,"attemptsWindow":null,"cooldown":null,"maxRecycles":null}""");

        var sources = AdminValueSources.Of(AdminResources.Recycle, effective, stored, Settings(("LeadSync:Recycle:Cooldown", "7.00:00:00")));

        Assert.Equal("stored v2", sources["noProgressWindow"]);
        Assert.Equal("setting", sources["cooldown"]);
        Assert.Equal("default", sources["maxRecycles"]);
    }

    private static AdminConfigVersion Version(string resource, int version, string json) =>
        new(resource, version, json, "key:test", DateTimeOffset.UnixEpoch, []);

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
