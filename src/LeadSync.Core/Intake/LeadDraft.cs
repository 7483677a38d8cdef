namespace LeadSync.Core.Intake;

/// <summary>What a source adapter extracted from one delivery, before it becomes a stored lead.</summary>
public sealed record LeadDraft
{
    /// <summary>The vendor's delivery key (e.g. Standard Webhooks <c>webhook-id</c>) that makes redelivery idempotent.</summary>
    public required string DeliveryKey { get; init; }
    public required ContactDetails Contact { get; init; }
    public int? Score { get; init; }
    public string? Campaign { get; init; }
    public string? EventType { get; init; }

    /// <summary>The vendor marked the lead as a test submission; it is stored but kept out of reports.</summary>
    public bool IsTest { get; init; }

    public ConsentFlags? Consent { get; init; }
    public BantAnswers? Bant { get; init; }

    /// <summary>Campaign / form / page / UTM details of the touch that produced the lead.</summary>
    public MarketingTouch? Touch { get; init; }

    /// <summary>
    /// The vendor record id to read the contact from (HubSpot contact id, Meta <c>leadgen_id</c>, LinkedIn response
    /// URN) when the delivery carries ids only. Such a draft is stored as <see cref="LeadStatus.Received"/> and
    /// completed later by <see cref="LeadEnrichment"/>.
    /// </summary>
    public string? EnrichmentKey { get; init; }

    /// <summary>
    /// Set when the delivery asks to erase a lead's personal data (LinkedIn <c>DELETED</c>): the delivery key under
    /// which that lead was created. No lead is created for such a draft.
    /// </summary>
    public string? EraseDeliveryKey { get; init; }

    public bool NeedsEnrichment => EnrichmentKey is not null;

    public bool IsErasure => EraseDeliveryKey is not null;
}
