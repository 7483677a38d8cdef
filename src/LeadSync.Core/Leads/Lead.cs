namespace LeadSync.Core.Leads;

/// <summary>
/// A lead as LeadSync tracks it through the handoff. Immutable: every change goes through
/// <see cref="LeadLifecycle"/> and is persisted with an ETag condition.
/// </summary>
public sealed record Lead
{
    public required string Id { get; init; }
    public required string Source { get; init; }
    public required string DeliveryKey { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required ContactDetails Contact { get; init; }
    public LeadStatus Status { get; init; } = LeadStatus.Received;
    public DateTimeOffset StatusChangedAt { get; init; }
    public int? Score { get; init; }
    public string? Campaign { get; init; }

    /// <summary>The vendor flagged the submission as a test (Google Ads <c>is_test</c>); excluded from reports.</summary>
    public bool IsTest { get; init; }

    public ConsentFlags? Consent { get; init; }
    public BantAnswers? Bant { get; init; }

    /// <summary>The marketing touch that created the lead (campaign, form, page, UTM).</summary>
    public MarketingTouch? Touch { get; init; }

    /// <summary>Vendor record id still to be read while the lead is <see cref="LeadStatus.Received"/>; see LeadEnrichment.</summary>
    public string? EnrichmentKey { get; init; }
    public string? Owner { get; init; }
    public string? CrmId { get; init; }
    public DateTimeOffset? SyncedAt { get; init; }
    public int SyncAttempts { get; init; }
    public DateTimeOffset? SlaDueAt { get; init; }
    public int EscalationLevel { get; init; }
    public DateTimeOffset? FirstTouchAt { get; init; }
    public int RecycleCount { get; init; }
    public string? RecycleReason { get; init; }

    /// <summary>When the marketing tool and CRM were told about the latest recycle; null while that is pending.</summary>
    public DateTimeOffset? NurturePushedAt { get; init; }

    /// <summary>The raw payload as received, size-capped, kept for audit.</summary>
    public string? RawPayload { get; init; }

    /// <summary>Opaque concurrency token of the stored version; null before the lead is stored.</summary>
    public string? ETag { get; init; }

    public bool IsOpen => Status is LeadStatus.SalesReady or LeadStatus.Synced or LeadStatus.Contacted;
}
