namespace LeadSync.Core.Crm;

/// <summary>The port every CRM adapter implements. Writes are upserts keyed by the LeadSync id: retries never duplicate.</summary>
public interface ICrmGateway
{
    string Name { get; }

    /// <summary>
    /// Most leads one <see cref="UpsertAsync"/> call should carry: the vendor's batch limit for adapters that write a
    /// batch in one request; 1 for adapters that write one record per request (their calls gain nothing from batching).
    /// </summary>
    int MaxUpsertBatch => 1;

    /// <summary>
    /// False while a call started now would have to wait for the adapter's client-side rate limiter (no permit left,
    /// or calls already queued for one). <see cref="CrmUpsertBatcher"/> then keeps a partial batch open to fill
    /// instead of sending it: it would not go out any sooner. Adapters without a limiter keep the default.
    /// </summary>
    bool CanCallWithoutWaiting => true;

    Task<IReadOnlyList<CrmUpsertResult>> UpsertAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken);

    /// <summary>For a batch of synced leads: whether and when sales touched them.</summary>
    Task<IReadOnlyList<CrmTouch>> GetTouchesAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken);

    /// <summary>
    /// For the follow-up cadence: every attempt on each lead's CRM record (Salesforce Tasks and Events, HubSpot call,
    /// e-mail and meeting engagements, Dataverse activities), all pages, in as few batched calls as the CRM allows.
    /// Throws <see cref="CrmReadException"/> when the CRM does not answer. Adapters without an activity read keep this
    /// default: the touch read's attempt count, without times.
    /// </summary>
    async Task<IReadOnlyList<CrmAttempts>> ReadAttemptsAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken) =>
        [.. (await GetTouchesAsync(leads, cancellationToken)).Select(t => new CrmAttempts(t.LeadId, [], t.Attempts))];

    /// <summary>Most leads one <see cref="ReadStatesAsync"/> request covers (HubSpot batch read 100, Salesforce SOQL IN 200).</summary>
    int MaxStateReadBatch => 100;

    /// <summary>
    /// Reads the leads' current CRM records (status, lifecycle, converted flag, owner, last touch) mapped to a funnel
    /// stage, in batch calls of up to <see cref="MaxStateReadBatch"/> leads; a lead without a record comes back
    /// <see cref="CrmFunnelStage.Missing"/>. Read before every write LeadSync makes to a record (recycle write-back)
    /// so it never moves a status backwards. Throws <see cref="CrmReadException"/> when the CRM does not answer.
    /// Adapters that only report touches keep the default, which derives the stage from them.
    /// </summary>
    async Task<IReadOnlyList<CrmRecordState>> ReadStatesAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var touches = (await GetTouchesAsync(leads, cancellationToken)).GroupBy(t => t.LeadId).ToDictionary(g => g.Key, g => g.First());
        return [.. leads.Select(l => touches.TryGetValue(l.Id, out var t)
            ? new CrmRecordState(l.Id, CrmFunnel.FromTouch(t), Converted: t.State == CrmLeadState.Converted, Owner: t.Owner, LastTouchAt: t.FirstTouchAt)
            : new CrmRecordState(l.Id, CrmFunnelStage.Missing))];
    }

    /// <summary>Sets the provider's configured recycled/nurture status on the CRM record.</summary>
    Task<CrmOutcome> MarkRecycledAsync(Lead lead, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Hands the lead to another owner from <paramref name="pool"/> (a queue, pool or team name the provider knows;
    /// LeadSync passes the SLA tier name) and returns the new owner. Adapters that cannot reassign keep this default:
    /// a permanent failure, recorded on the lead's timeline as <c>sla.reassign-failed</c>.
    /// </summary>
    Task<CrmReassignment> ReassignAsync(Lead lead, string pool, CancellationToken cancellationToken) =>
        Task.FromResult(new CrmReassignment(new CrmOutcome(CrmOutcomeKind.Permanent, $"The {Name} adapter does not reassign leads yet.")));

    /// <summary>
    /// Sets the record's owner to <paramref name="ownerId"/> (a user id of this CRM) on an existing record only — the
    /// reassign rung of a routed lead. Adapters that cannot keep this default: a permanent failure.
    /// </summary>
    Task<CrmReassignment> AssignOwnerAsync(Lead lead, string ownerId, CancellationToken cancellationToken) =>
        Task.FromResult(new CrmReassignment(new CrmOutcome(CrmOutcomeKind.Permanent, $"The {Name} adapter does not assign owners.")));

    /// <summary>
    /// Deletes (or anonymizes, where the vendor only allows that) the CRM record of an erased subject. Adapters whose
    /// API offers no deletion keep this default: <see cref="ErasureStatus.Unsupported"/>, shown in the erasure record.
    /// </summary>
    Task<TargetErasure> EraseAsync(ErasureIdentity subject, CancellationToken cancellationToken) =>
        Task.FromResult(TargetErasure.Unsupported("crm:" + Name, $"The {Name} adapter cannot delete records; delete it in the CRM."));
}
