using LeadSync.Core.Crm.Changes;
using LeadSync.Core.Intake;
using LeadSync.Crm.Tests.Support;
using LeadSync.Infrastructure.Crm.Changes;
using LeadSync.Infrastructure.Crm.Salesforce;
using Microsoft.Extensions.Time.Testing;

namespace LeadSync.Crm.Tests.Changes;

/// <summary>Salesforce Outbound Messages from the vendor fixture: secret path segment and OrganizationId, parsing, mapping.</summary>
public sealed class SalesforceOutboundMessageSourceTests
{
    public const string PathSecret = "sf-path-secret-0123456789abcdefghijklmnop";
    private const string Org = "00D000000000001AAA";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero));

    private SalesforceOutboundMessageSource Source(string org = Org) => new(
        new StaticOptionsMonitor<SalesforceOptions>(new SalesforceOptions { MyDomainUrl = new Uri("https://example-org.my.salesforce.com"), ClientId = "c", ClientSecret = "s" }),
        new StaticOptionsMonitor<CrmChangeOptions>(new CrmChangeOptions { Salesforce = { PathSecret = PathSecret, OrganizationId = org } }),
        _time);

    private static InboundWebhook Message(string? body = null) =>
        ChangeRequests.Request(body ?? ChangeRequests.Changes("salesforce-outbound-message-lead.xml"),
            $"https://leadsync.example.com/api/crm-changes/salesforce/{PathSecret}", "text/xml; charset=utf-8");

    [Fact]
    public async Task The_vendor_message_maps_each_notification_to_its_status_and_owner_keyed_by_notification_id()
    {
        var read = await Source().ReadAsync(Message(), PathSecret, default);

        Assert.Null(read.Rejection);
        Assert.Equal(
            [("04l000000000001AAA|status", CrmChangeKind.Ignored), ("04l000000000001AAA|owner", CrmChangeKind.OwnerChanged),
             ("04l000000000002AAA|status", CrmChangeKind.Contacted), ("04l000000000002AAA|owner", CrmChangeKind.OwnerChanged)],
            read.Changes.Select(c => (c.EventKey, c.Kind)));
        var contacted = read.Changes[2];
        Assert.Equal("00Q000000000002AAA", contacted.RecordId);
        Assert.Equal("john.roe@example.com", contacted.Email);
        Assert.Equal("005000000000002AAA", contacted.Owner);
        Assert.Null(contacted.LeadId);
        Assert.Equal(_time.GetUtcNow(), contacted.OccurredAt);
        Assert.Contains("<Id>04l000000000002AAA</Id>", System.Text.Encoding.UTF8.GetString(contacted.Raw.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_external_id_finds_the_lead_and_SystemModstamp_orders_the_change()
    {
        var body = ChangeRequests.Changes("salesforce-outbound-message-lead.xml").Replace(
            "<sf:Status>Working - Contacted</sf:Status>",
            "<sf:Status>Closed - Converted</sf:Status><sf:IsConverted>true</sf:IsConverted><sf:LeadSync_Id__c>ld_abc</sf:LeadSync_Id__c><sf:SystemModstamp>2026-01-01T09:15:00.000Z</sf:SystemModstamp>",
            StringComparison.Ordinal);

        var read = await Source().ReadAsync(Message(body), PathSecret, default);

        var converted = read.Changes.Single(c => c.EventKey == "04l000000000002AAA|status");
        Assert.Equal(CrmChangeKind.Converted, converted.Kind);
        Assert.Equal("ld_abc", converted.LeadId);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 9, 15, 0, TimeSpan.Zero), converted.OccurredAt);
    }

    [Fact]
    public async Task A_wrong_or_missing_path_secret_or_another_org_is_unauthenticated()
    {
        var wrongSecret = await Source().ReadAsync(Message(), PathSecret[..^1] + "x", default);
        var noSecret = await Source().ReadAsync(Message(), null, default);
        var otherOrg = await Source("00D0000000000099").ReadAsync(Message(), PathSecret, default);
        var shortOrg = await Source(Org[..15]).ReadAsync(Message(), PathSecret, default);

        Assert.All([wrongSecret, noSecret, otherOrg], r => Assert.Equal(RejectionKind.Unauthenticated, r.Rejection?.Kind));
        Assert.Null(shortOrg.Rejection);
    }

    [Fact]
    public async Task A_document_type_declaration_or_a_body_that_is_not_a_notification_is_malformed()
    {
        const string entity = """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>""";

        var dtd = await Source().ReadAsync(Message(entity), PathSecret, default);
        var other = await Source().ReadAsync(Message("<hello/>"), PathSecret, default);

        Assert.Equal(RejectionKind.Malformed, dtd.Rejection?.Kind);
        Assert.Equal(RejectionKind.Malformed, other.Rejection?.Kind);
    }
}
