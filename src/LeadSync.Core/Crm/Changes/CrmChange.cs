namespace LeadSync.Core.Crm.Changes;

/// <summary>
/// One change a CRM reported natively (HubSpot webhook event, Salesforce outbound-message notification, Dataverse
/// webhook), normalized. <see cref="EventKey"/> is the vendor's event or notification id (one per aspect), so a
/// redelivery is recognised; <see cref="OccurredAt"/> is the vendor's own timestamp, so an older change that arrives
/// late does not overwrite a newer one.
/// </summary>
public sealed record CrmChange
{
    public required string EventKey { get; init; }

    /// <summary>The CRM record id (HubSpot contact id, Salesforce Lead/Contact id, Dataverse lead/contact id).</summary>
    public required string RecordId { get; init; }

    public required CrmChangeKind Kind { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>What the CRM said, for the timeline and the quarantine reason (field and value; no personal data).</summary>
    public required string Detail { get; init; }

    /// <summary>The LeadSync lead id when the CRM record carries it (external id, alternate key, mapped property).</summary>
    public string? LeadId { get; init; }

    /// <summary>The record's e-mail, to find the lead through the e-mail index when the id is not carried.</summary>
    public string? Email { get; init; }

    /// <summary>The new owner (owner changes) or the owner the record shows.</summary>
    public string? Owner { get; init; }

    /// <summary>The vendor's raw event (one HubSpot event, one Salesforce notification), kept when it cannot be mapped.</summary>
    public ReadOnlyMemory<byte> Raw { get; init; }

    /// <summary>Which ordering clock the change belongs to: status changes, owner changes and identity changes are separate.</summary>
    public string Aspect => Kind switch
    {
        CrmChangeKind.OwnerChanged => "owner",
        CrmChangeKind.Merged => "identity",
        _ => "status",
    };
}
