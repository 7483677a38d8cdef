using System.Xml;
using System.Xml.Linq;

namespace LeadSync.Infrastructure.Crm.Salesforce;

/// <summary>
/// Salesforce Outbound Messages (SOAP 1.1, up to 100 notifications, sent by a Flow or workflow rule). Salesforce does
/// not sign them: the request must carry the secret last path segment and the configured <c>OrganizationId</c>. Each
/// notification's Lead or Contact carries the fields the message selected: the LeadSync external id (finds the lead),
/// Email, OwnerId, Status, IsConverted and SystemModstamp (the vendor time that orders changes). The dedupe key is the
/// notification <c>Id</c>, which Salesforce keeps across redeliveries.
/// </summary>
internal sealed class SalesforceOutboundMessageSource(
    IOptionsMonitor<SalesforceOptions> crmOptions,
    IOptionsMonitor<CrmChangeOptions> changeOptions,
    TimeProvider timeProvider) : ICrmChangeSource
{
    public const string OutboundNamespace = "http://soap.sforce.com/2005/09/outbound";
    public const string SObjectNamespace = "urn:sobject.enterprise.soap.sforce.com";
    private static readonly XNamespace Out = OutboundNamespace;
    private static readonly XNamespace SObject = SObjectNamespace;
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public string Provider => "salesforce";

    public bool IsEnabled => changeOptions.CurrentValue.Salesforce.PathSecret.Length > 0;

    public Task<CrmChangeRead> ReadAsync(InboundWebhook webhook, string? routeSecret, CancellationToken cancellationToken)
    {
        var settings = changeOptions.CurrentValue.Salesforce;
        if (!Hmac.SecretEquals(routeSecret, settings.PathSecret))
        {
            return Task.FromResult(CrmChangeRead.Refused(RejectionKind.Unauthenticated, "The endpoint's secret path segment does not match."));
        }

        XElement notifications;
        try
        {
            notifications = Load(webhook.Body).Descendants(Out + "notifications").FirstOrDefault()
                ?? throw new XmlException("No notifications element.");
        }
        catch (XmlException)
        {
            return Task.FromResult(CrmChangeRead.Refused(RejectionKind.Malformed, "The body is not a Salesforce outbound message (SOAP notifications)."));
        }

        if (!SameOrg((string?)notifications.Element(Out + "OrganizationId"), settings.OrganizationId))
        {
            return Task.FromResult(CrmChangeRead.Refused(RejectionKind.Unauthenticated, "The message comes from another Salesforce org."));
        }

        var changes = new List<CrmChange>();
        foreach (var notification in notifications.Elements(Out + "Notification"))
        {
            var id = (string?)notification.Element(Out + "Id");
            var record = notification.Element(Out + "sObject");
            if (string.IsNullOrEmpty(id) || record is null || Field(record, "Id") is not { } recordId)
            {
                return Task.FromResult(CrmChangeRead.Refused(RejectionKind.Malformed, "A notification lacks its Id or its sObject Id."));
            }

            changes.AddRange(ToChanges(id, recordId, record, notification));
        }

        return Task.FromResult(new CrmChangeRead(changes));
    }

    private IEnumerable<CrmChange> ToChanges(string notificationId, string recordId, XElement record, XElement notification)
    {
        var o = crmOptions.CurrentValue;
        var at = SalesforceRecordMapper.ParseDateTime(Field(record, "SystemModstamp") ?? Field(record, "LastModifiedDate")) ?? timeProvider.GetUtcNow();
        var type = ((string?)record.Attribute(Xsi + "type"))?.Split(':').Last() ?? "sObject";
        var template = new CrmChange
        {
            EventKey = notificationId,
            RecordId = recordId,
            Kind = CrmChangeKind.Ignored,
            OccurredAt = at,
            Detail = type,
            LeadId = Field(record, o.ExternalIdField),
            Email = Field(record, "Email"),
            Owner = Field(record, "OwnerId"),
            Raw = Encoding.UTF8.GetBytes(notification.ToString(SaveOptions.DisableFormatting)),
        };

        var status = Field(record, "Status");
        var converted = string.Equals(Field(record, "IsConverted"), "true", StringComparison.OrdinalIgnoreCase);
        if (converted || status is not null)
        {
            var kind = converted ? CrmChangeKind.Converted
                : In(status, o.DisqualifiedStatuses, SalesforceOptions.DefaultDisqualifiedStatuses) ? CrmChangeKind.Disqualified
                : string.Equals(status, o.RecycledStatus, StringComparison.OrdinalIgnoreCase) || In(status, o.NurtureStatuses, []) ? CrmChangeKind.Nurture
                : In(status, o.ContactedStatuses, SalesforceOptions.DefaultContactedStatuses) ? CrmChangeKind.Contacted
                : In(status, changeOptions.CurrentValue.Salesforce.IgnoredStatuses, SalesforceChangeOptions.DefaultIgnoredStatuses) ? CrmChangeKind.Ignored
                : CrmChangeKind.Unmapped;
            yield return template with
            {
                EventKey = notificationId + "|status",
                Kind = kind,
                Detail = converted ? $"{type} IsConverted=true" : $"{type} Status={status}",
            };
        }

        if (template.Owner is { Length: > 0 } owner)
        {
            yield return template with { EventKey = notificationId + "|owner", Kind = CrmChangeKind.OwnerChanged, Detail = $"{type} OwnerId={owner}" };
        }
    }

    /// <summary>Parsed without DTDs or external resolution, and bounded: the body is from the internet.</summary>
    private static XDocument Load(ReadOnlyMemory<byte> body)
    {
        using var stream = new MemoryStream(body.ToArray(), writable: false);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = 4 * 1024 * 1024,
            IgnoreComments = true,
        });
        return XDocument.Load(reader);
    }

    /// <summary>15-character ids are the case-sensitive prefix of the 18-character form.</summary>
    private static bool SameOrg(string? given, string configured) =>
        given is { Length: >= 15 } && configured.Length >= 15 && Hmac.SecretEquals(given[..15], configured[..15]);

    private static string? Field(XElement record, string name) =>
        record.Element(SObject + name) is { } e && e.Attribute(Xsi + "nil")?.Value != "true" && e.Value.Length > 0 ? e.Value.Trim() : null;

    private static bool In(string? value, IList<string> configured, string[] defaults) =>
        value is not null && (configured.Count > 0 ? configured : defaults).Contains(value, StringComparer.OrdinalIgnoreCase);
}
