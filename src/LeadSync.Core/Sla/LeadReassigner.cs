namespace LeadSync.Core.Sla;

/// <summary>
/// Gives an open lead a new owner, for a <c>reassign</c> rung of the ladder and for a recipient's Reassign answer alike:
/// a lead a routing policy routes goes to the next available rep of its team by the same round-robin (the current owner
/// left out); otherwise, or when nobody of the team is available, the CRM picks from the tier's pool. The outcome and its
/// reason go on the lead's timeline, written on the version given (the ETag the caller read).
/// </summary>
public sealed class LeadReassigner(ICrmGateway crm, ISlaPolicy policy, LeadRouting routing, LeadMutator mutator)
{
    /// <summary>
    /// Reassigns <paramref name="lead"/> at escalation <paramref name="level"/>; <paramref name="by"/> is the proven
    /// person who asked, or null for the ladder itself. One decision per (lead, level, asker kind): a retried or repeated
    /// request gets the same routed owner back instead of moving the lead again.
    /// </summary>
    public async Task<CrmReassignment> ReassignAsync(Lead lead, int level, string? by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var assignmentKey = by is null ? $"{lead.Id}|level-{level}" : $"{lead.Id}|level-{level}|answer";
        CrmReassignment result;
        string reason;
        if (await routing.ReassignAsync(lead, assignmentKey, cancellationToken) is { OwnerId: { } routedOwner } routed)
        {
            var assigned = await crm.AssignOwnerAsync(lead, routedOwner, cancellationToken);
            result = assigned.Outcome.Succeeded ? assigned with { NewOwner = assigned.NewOwner ?? routedOwner } : assigned;
            reason = routed.Explanation;
        }
        else
        {
            var pool = policy.PolicyName(lead);
            result = await crm.ReassignAsync(lead, pool, cancellationToken);
            reason = $"The CRM picked from pool {pool}.";
        }

        var actor = by ?? crm.Name;
        var asked = by is null ? "" : $" by {by}";
        await mutator.MutateAsync(lead, current => result.Outcome.Succeeded && result.NewOwner is { } owner
            ? new LeadChange(current with { Owner = owner },
                [new TimelineEntry(now, actor, LeadEvents.Reassigned, $"Level {level}: reassigned{asked} from {current.Owner ?? "nobody"} to {owner}. {reason}")])
            : new LeadChange(current,
                [new TimelineEntry(now, actor, LeadEvents.ReassignFailed, $"Level {level}: {(by is null ? "" : by + " asked to reassign; ")}the CRM did not reassign ({result.Outcome.Kind}: {result.Outcome.Reason}).")]),
            cancellationToken);
        return result;
    }
}
