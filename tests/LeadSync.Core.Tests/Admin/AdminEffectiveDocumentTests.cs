using System.Text.Json.Nodes;
using LeadSync.Core.Admin;
using LeadSync.Core.Crm;
using LeadSync.Core.Notifications;
using LeadSync.Core.Qualification;
using LeadSync.Core.Recycle;
using LeadSync.Core.Sla;
using LeadSync.Core.Tests.Intake;
using LeadSync.Core.Tests.Sla.Policies;

namespace LeadSync.Core.Tests.Admin;

/// <summary>What a read of an admin resource shows: the document in effect, with what the code falls back to filled in.</summary>
public sealed class AdminEffectiveDocumentTests
{
    private static AdminResourceCatalog Catalog(SlaOptions? sla = null, RecycleOptions? recycle = null) => new(
        new FixedOptionsMonitor<SlaOptions>(sla ?? new SlaOptions()),
        new FixedOptionsMonitor<QualificationOptions>(new QualificationOptions()),
        new FixedOptionsMonitor<RecycleOptions>(recycle ?? new RecycleOptions()),
        new FixedOptionsMonitor<DirectoryOptions>(new DirectoryOptions()),
        new FixedOptionsMonitor<CrmOptions>(new CrmOptions { Provider = "hubspot" }),
        SourceCatalog.All);

    [Fact]
    public void With_nothing_set_the_sla_document_shows_the_default_ladder_that_runs()
    {
        var doc = JsonNode.Parse(Catalog().Effective(AdminResources.SlaPolicies, storedJson: null))!;

        var levels = doc["levels"]!.AsArray();
        Assert.Equal(["owner", "manager", "team"], levels.Select(l => (string?)l!["recipient"]));
        Assert.Equal(["00:00:00", "00:30:00", "02:00:00"], levels.Select(l => (string?)l!["after"]));
        Assert.Empty(doc["calendars"]!.AsObject());
    }

    [Fact]
    public void A_stored_sla_document_without_rungs_shows_the_default_ladder_and_one_with_rungs_keeps_them()
    {
        var catalog = Catalog();

        var empty = JsonNode.Parse(catalog.Effective(AdminResources.SlaPolicies, """{"firstTouch":"00:20:00","levels":[]}"""))!;
        var own = JsonNode.Parse(catalog.Effective(AdminResources.SlaPolicies, """{"levels":[{"after":"00:00:00","recipient":"team"}]}"""))!;

        Assert.Equal("00:20:00", (string?)empty["firstTouch"]);
        Assert.Equal(3, empty["levels"]!.AsArray().Count);
        Assert.Equal("team", (string?)own["levels"]!.AsArray().Single()!["recipient"]);
    }

    [Fact]
    public void Configured_rungs_are_shown_as_configured()
    {
        var sla = new SlaOptions { Levels = { new EscalationLevelOptions { After = TimeSpan.FromMinutes(5), Recipient = "manager" } } };

        var doc = JsonNode.Parse(Catalog(sla).Effective(AdminResources.SlaPolicies, storedJson: null))!;

        Assert.Equal("00:05:00", (string?)doc["levels"]!.AsArray().Single()!["after"]);
    }

    [Fact]
    public void A_stored_recycle_document_shows_the_settings_values_for_the_fields_it_leaves_out()
    {
        var settings = new RecycleOptions { MaxRecycles = 5, Cooldown = TimeSpan.FromDays(7), AfterLastLevel = TimeSpan.FromHours(4) };

        var doc = JsonNode.Parse(Catalog(recycle: settings).Effective(AdminResources.Recycle, """{"noProgressWindow":"3.00:00:00","maxAttempts":2}"""))!;

        Assert.Equal("3.00:00:00", (string?)doc["noProgressWindow"]);
        Assert.Equal(2, (int?)doc["maxAttempts"]);
        Assert.Equal(5, (int?)doc["maxRecycles"]);
        Assert.Equal("7.00:00:00", (string?)doc["cooldown"]);
        Assert.Equal("04:00:00", (string?)doc["afterLastLevel"]);
    }

    [Fact]
    public void Other_stored_documents_are_shown_as_stored_and_connections_without_secrets()
    {
        var catalog = Catalog();

        var qualification = JsonNode.Parse(catalog.Effective(AdminResources.Qualification, """{"minimumScore":30}"""))!;
        var connections = catalog.Effective(AdminResources.Connections, """{"sources":{"typeform":{"enabled":true,"secret":"s3cret"}},"crm":{}}""");

        Assert.Equal(30, (int?)qualification["minimumScore"]);
        Assert.DoesNotContain("s3cret", connections, StringComparison.Ordinal);
    }
}
