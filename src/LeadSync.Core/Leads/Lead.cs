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

    /// <summary>When LeadSync's routing decided this lead's owner (null: not routed, the CRM's rules choose).</summary>
    public DateTimeOffset? RoutedAt { get; init; }

    /// <summary>The CRM user id routing chose, written to the record's owner field on sync; null when left to the CRM.</summary>
    public string? RoutedOwner { get; init; }

    /// <summary>The team routing chose the owner from (null: an account match, or not routed); the reports group by it.</summary>
    public string? RoutedTeam { get; init; }
    public string? CrmId { get; init; }
    public DateTimeOffset? SyncedAt { get; init; }
    public int SyncAttempts { get; init; }
    public DateTimeOffset? SlaDueAt { get; init; }
    public int EscalationLevel { get; init; }
    public DateTimeOffset? FirstTouchAt { get; init; }
    /// <summary>Working minutes on the lead's calendar from receipt to first touch; set with <see cref="FirstTouchAt"/>.</summary>
    public int? BusinessMinutesToFirstTouch { get; init; }

    /// <summary>True when the first touch met the deadline, false once it was missed; null while undecided.</summary>
    public bool? SlaMet { get; init; }

    /// <summary>When a <c>mark-breached</c> level marked the lead as breached.</summary>
    public DateTimeOffset? BreachMarkedAt { get; init; }

    /// <summary>Sales attempts the CRM reports (calls, e-mails…), as of the latest sweep.</summary>
    public int ContactAttempts { get; init; }

    /// <summary>Who acknowledged the latest escalation, and when; the ladder waits until <see cref="LadderPausedUntil"/>.</summary>
    public string? AcknowledgedBy { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>The next escalation level fires no earlier than this (acknowledgement + grace).</summary>
    public DateTimeOffset? LadderPausedUntil { get; init; }

    /// <summary>True once the follow-up window ended with fewer attempts than the policy requires.</summary>
    public bool FollowUpMissed { get; init; }

    /// <summary>
    /// The decided cadence checkpoints of the current cycle, in order: <c>M</c> met, <c>X</c> missed (e.g. <c>MX</c>);
    /// null or empty while none is decided. Decided checkpoints are always a prefix of the tier's list.
    /// </summary>
    public string? CadenceOutcomes { get; init; }

    /// <summary>The latest attempt already written to the timeline, so a later sweep adds only newer ones.</summary>
    public DateTimeOffset? LastAttemptAt { get; init; }

    /// <summary>Attempts the CRM reported natively (change webhooks), unix seconds separated by spaces; see NativeAttempts.</summary>
    public string? NativeAttempts { get; init; }

    public int RecycleCount { get; init; }
    public string? RecycleReason { get; init; }

    /// <summary>When the latest recycle happened; the cooldown counts from here.</summary>
    public DateTimeOffset? LastRecycledAt { get; init; }

    /// <summary>How many times the lead came back from nurture with a new submission.</summary>
    public int ReEngagedCount { get; init; }

    /// <summary>Submissions attached to the lead after the one that created it (while open, in nurture, re-entries).</summary>
    public int AdditionalTouches { get; init; }

    /// <summary>When the lead first arrived; <see cref="ReceivedAt"/> is when its current cycle started.</summary>
    public DateTimeOffset? FirstReceivedAt { get; init; }

    /// <summary>Why a closed lead was closed by LeadSync itself (e.g. <c>recycle-exhausted</c>); null otherwise.</summary>
    public string? CloseReason { get; init; }

    /// <summary>When the marketing tool and CRM were told about the latest recycle; null while that is pending.</summary>
    public DateTimeOffset? NurturePushedAt { get; init; }

    /// <summary>The raw payload as received, size-capped, kept for audit.</summary>
    public string? RawPayload { get; init; }

    /// <summary>
    /// Which shard of a day the lead's report-index rows live in, chosen by the store when it creates the lead (leads
    /// created in the same second share one, so their rows share transactions) and never changed; null for a lead
    /// stored before the store chose it (its rows are sharded by id).
    /// </summary>
    public int? IndexShard { get; init; }

    /// <summary>Opaque concurrency token of the stored version; null before the lead is stored.</summary>
    public string? ETag { get; init; }

    /// <summary>
    /// The store's own: the timeline entries it keeps on the lead's record itself (serialized, opaque outside the store),
    /// so that a lead's first entries cost no extra rows. Copies of the lead carry it, so an update keeps them; null for
    /// a lead stored before the store kept entries there. Read the timeline through the store, never from here.
    /// </summary>
    [JsonIgnore]
    public string? StoredTimeline { get; init; }

    public bool IsOpen => Status is LeadStatus.SalesReady or LeadStatus.Synced or LeadStatus.Contacted;
}
