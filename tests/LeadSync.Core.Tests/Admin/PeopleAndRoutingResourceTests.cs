using System.Text.Json;
using LeadSync.Core.Admin;
using LeadSync.Core.Crm;
using LeadSync.Core.Notifications;
using LeadSync.Core.People;
using LeadSync.Core.Qualification;
using LeadSync.Core.Recycle;
using LeadSync.Core.Routing;
using LeadSync.Core.Sla;
using LeadSync.Core.Sla.Calendars;
using LeadSync.Core.Tests.Intake;
using LeadSync.Core.Tests.Sla.Policies;

namespace LeadSync.Core.Tests.Admin;

/// <summary>The <c>people</c> and <c>routing-policies</c> admin resources: settings fallback, field errors by JSON path, canonical documents.</summary>
public sealed class PeopleAndRoutingResourceTests
{
    private static AdminResourceCatalog Catalog(PeopleOptions? people = null, RoutingOptions? routing = null)
    {
        var sla = new SlaOptions();
        sla.Calendars["berlin"] = new BusinessCalendarOptions { TimeZone = "Europe/Berlin", Hours = { ["Monday"] = "09:00-17:00" } };
        return new AdminResourceCatalog(
            new FixedOptionsMonitor<SlaOptions>(sla),
            new FixedOptionsMonitor<QualificationOptions>(new QualificationOptions()),
            new FixedOptionsMonitor<RecycleOptions>(new RecycleOptions()),
            new FixedOptionsMonitor<DirectoryOptions>(new DirectoryOptions()),
            new FixedOptionsMonitor<CrmOptions>(new CrmOptions { Provider = "salesforce" }),
            SourceCatalog.All,
            new FixedOptionsMonitor<PeopleOptions>(people ?? new PeopleOptions()),
            new FixedOptionsMonitor<RoutingOptions>(routing ?? new RoutingOptions()));
    }

    [Fact]
    public void Both_resources_are_known_and_fall_back_to_the_settings()
    {
        var people = new PeopleOptions();
        people.People["dana@acme.com"] = new PersonOptions { SlackUserId = "U1" };
        var routing = new RoutingOptions();
        routing.Policies.Add(new RoutingPolicyOptions { Name = "inbound", Mode = RoutingModes.Route, DefaultTeam = "emea" });

        using var peopleDoc = JsonDocument.Parse(Catalog(people, routing).Fallback(AdminResources.People));
        using var routingDoc = JsonDocument.Parse(Catalog(people, routing).Fallback(AdminResources.RoutingPolicies));

        Assert.True(AdminResources.IsKnown("people") && AdminResources.IsKnown("routing-policies"));
        Assert.Equal("U1", peopleDoc.RootElement.GetProperty("people").GetProperty("dana@acme.com").GetProperty("slackUserId").GetString());
        Assert.Equal("route", routingDoc.RootElement.GetProperty("policies")[0].GetProperty("mode").GetString());
    }

    [Fact]
    public void A_bad_people_document_gets_field_errors_keyed_by_json_path()
    {
        var check = Catalog().Check(AdminResources.People, """
            {"people":{"dana@acme.com":{"email":"not-an-address","weight":0,"calendar":"nowhere","channel":"pager",
              "outOfOffice":[{"from":"2026-12-02T00:00:00Z","to":"2026-12-01T00:00:00Z"}]}},"teams":{}}
            """, null);

        Assert.False(check.IsValid);
        Assert.Contains("people.dana@acme.com.email", check.Errors.Keys);
        Assert.Contains("people.dana@acme.com.weight", check.Errors.Keys);
        Assert.Contains("people.dana@acme.com.calendar", check.Errors.Keys);
        Assert.Contains("people.dana@acme.com.channel", check.Errors.Keys);
        Assert.Contains("people.dana@acme.com.outOfOffice[0].to", check.Errors.Keys);
    }

    [Fact]
    public void Unknown_fields_and_bad_working_hours_are_refused()
    {
        var unknown = Catalog().Check(AdminResources.People, """{"people":{"dana@acme.com":{"vacation":true}}}""", null);
        var hours = Catalog().Check(AdminResources.People, """{"people":{"dana@acme.com":{"workingHours":{"timeZone":"Mars/Olympus","hours":{"Monday":"09:00-17:00"}}}}}""", null);

        Assert.False(unknown.IsValid);
        Assert.False(hours.IsValid);
        Assert.Contains(hours.Errors, e => e.Key.StartsWith("people.dana@acme.com.workingHours", StringComparison.Ordinal));
    }

    [Fact]
    public void A_good_people_document_is_stored_in_canonical_form()
    {
        var check = Catalog().Check(AdminResources.People, """
            {"people":{"dana@acme.com":{"calendar":"berlin","maxOpenLeads":5,"crmUserIds":{"salesforce":"005A"}}},
             "teams":{"emea":{"name":"EMEA","members":["dana@acme.com"]}}}
            """, null);

        Assert.True(check.IsValid, string.Join("; ", check.Errors.SelectMany(e => e.Value)));
        Assert.Contains("\"maxOpenLeads\":5", check.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_routing_document_gets_field_errors_keyed_by_json_path()
    {
        var check = Catalog().Check(AdminResources.RoutingPolicies, """
            {"policies":[{"name":"inbound","mode":"round-robin","territories":[{"name":"DACH","team":"","minEmployees":10,"maxEmployees":5}]},
                         {"name":"inbound","mode":"route","accountMatch":false}],
             "freeMailDomains":["not a domain"],"accountCacheTtl":"00:00:10"}
            """, null);

        Assert.False(check.IsValid);
        Assert.Contains("policies[0].mode", check.Errors.Keys);
        Assert.Contains("policies[0].territories[0].team", check.Errors.Keys);
        Assert.Contains("policies[0].territories[0].minEmployees", check.Errors.Keys);
        Assert.Contains("policies[1].name", check.Errors.Keys);
        Assert.Contains("policies[1]", check.Errors.Keys);
        Assert.Contains("freeMailDomains[0]", check.Errors.Keys);
        Assert.Contains("accountCacheTtl", check.Errors.Keys);
    }
}
