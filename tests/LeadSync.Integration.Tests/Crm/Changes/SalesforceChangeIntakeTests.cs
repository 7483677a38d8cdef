using System.Xml.Linq;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Testing;
using LeadSync.Web.Endpoints;

namespace LeadSync.Integration.Tests.Crm.Changes;

/// <summary>
/// Salesforce Outbound Messages (the vendor fixture) through the shared handler and real Azurite: the SOAP Ack after
/// every notification is handled, redelivery, late notifications, unknown leads, path secret and org checks.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SalesforceChangeIntakeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string PathSecret = "sf-path-secret-0123456789abcdefghijklmnop";
    private TestServices _services = null!;

    private ILeadStore Store => _services.Get<ILeadStore>();

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["LeadSync:Crm:Provider"] = "salesforce",
            ["LeadSync:Crm:Salesforce:MyDomainUrl"] = "https://example-org.my.salesforce.com",
            ["LeadSync:Crm:Salesforce:ClientId"] = "client",
            ["LeadSync:Crm:Salesforce:ClientSecret"] = "secret",
            ["LeadSync:Crm:Changes:Salesforce:PathSecret"] = PathSecret,
            ["LeadSync:Crm:Changes:Salesforce:OrganizationId"] = "00D000000000001AAA",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private Task<(int Status, string? ContentType, string Body)> PostAsync(string body, string secret = PathSecret) =>
        ChangeRequest.PostAsync(_services, $"/api/crm-changes/salesforce/{secret}", "text/xml; charset=utf-8", body,
            (e, r) => e.SalesforceAsync(r, secret, CancellationToken.None));

    private static string Message(string status = "Working - Contacted", string owner = "005000000000002AAA", string notificationId = "04l000000000002AAA", string? modstamp = null) =>
        ChangeRequest.Fixture("salesforce-outbound-message-lead.xml")
            .Replace("<sf:Status>Working - Contacted</sf:Status>", $"<sf:Status>{status}</sf:Status>" + (modstamp is null ? "" : $"<sf:SystemModstamp>{modstamp}</sf:SystemModstamp>"), StringComparison.Ordinal)
            .Replace("<sf:OwnerId>005000000000002AAA</sf:OwnerId>", $"<sf:OwnerId>{owner}</sf:OwnerId>", StringComparison.Ordinal)
            .Replace("<Id>04l000000000002AAA</Id>", $"<Id>{notificationId}</Id>", StringComparison.Ordinal);

    [Fact]
    public async Task The_vendor_message_is_acknowledged_the_SOAP_way_after_the_contacted_lead_is_applied_and_the_unknown_one_logged()
    {
        var lead = await SyncedLeads.StoreAsync(_services, "john.roe@example.com", "00Q000000000002AAA", "005000000000001AAA");

        var response = await PostAsync(Message());

        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/xml", response.ContentType, StringComparison.Ordinal);
        var ack = XDocument.Parse(response.Body).Descendants(XName.Get("Ack", "http://soap.sforce.com/2005/09/outbound")).Single();
        Assert.Equal("true", ack.Value);
        var expected = XDocument.Parse(ChangeRequest.Fixture("salesforce-outbound-message-ack.xml"));
        Assert.Equal(expected.Root!.Name, XDocument.Parse(response.Body).Root!.Name);
        var stored = await Store.GetAsync(lead.Id, CancellationToken.None);
        Assert.Equal(LeadStatus.Contacted, stored!.Status);
        Assert.Equal("005000000000002AAA", stored.Owner);
        Assert.Equal(CrmChangeEndpoints.SalesforceAck, response.Body);
    }

    [Fact]
    public async Task A_redelivered_message_is_acknowledged_again_and_changes_nothing()
    {
        var lead = await SyncedLeads.StoreAsync(_services, "john.roe@example.com", "00Q000000000002AAA", "005000000000001AAA");
        await PostAsync(Message());
        var timeline = (await Store.GetTimelineAsync(lead.Id, CancellationToken.None)).Count;

        var again = await PostAsync(Message());

        Assert.Equal(200, again.Status);
        Assert.Equal(timeline, (await Store.GetTimelineAsync(lead.Id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_notification_older_than_one_already_applied_does_not_take_the_owner_back()
    {
        var lead = await SyncedLeads.StoreAsync(_services, "john.roe@example.com", "00Q000000000002AAA", "005000000000001AAA");

        await PostAsync(Message(owner: "005000000000003AAA", notificationId: "04l000000000009AAA", modstamp: "2026-11-23T09:30:00.000Z"));
        var late = await PostAsync(Message(owner: "005000000000004AAA", notificationId: "04l000000000008AAA", modstamp: "2026-11-23T09:10:00.000Z"));

        Assert.Equal(200, late.Status);
        Assert.Equal("005000000000003AAA", (await Store.GetAsync(lead.Id, CancellationToken.None))!.Owner);
    }

    [Fact]
    public async Task A_wrong_path_secret_or_another_org_is_a_401_problem_and_nothing_changes()
    {
        var lead = await SyncedLeads.StoreAsync(_services, "john.roe@example.com", "00Q000000000002AAA");

        var wrongSecret = await PostAsync(Message(), secret: "sf-path-secret-0123456789abcdefghijklmnoX");
        var otherOrg = await PostAsync(Message().Replace("00D000000000001AAA", "00D000000000009AAA", StringComparison.Ordinal));

        Assert.All([wrongSecret, otherOrg], r =>
        {
            Assert.Equal(401, r.Status);
            Assert.Equal("application/problem+json", r.ContentType);
        });
        Assert.Equal(LeadStatus.Synced, (await Store.GetAsync(lead.Id, CancellationToken.None))!.Status);
    }
}
