namespace LeadSync.Core.Crm;

/// <summary>Applies a CRM push ("contacted / converted / disqualified / nurture") to the lead at once.</summary>
public sealed class CrmEventProcessor(
    ILeadStore store,
    LeadMutator mutator,
    IDueIndex dueIndex,
    RecyclePolicy recyclePolicy,
    ISlaPolicy policy,
    TimeProvider timeProvider)
{
    public async Task<CrmEventResult> ApplyAsync(string provider, CrmEvent crmEvent, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var lead = await store.GetAsync(crmEvent.LeadId, cancellationToken);
        if (lead is null)
        {
            return new CrmEventResult(CrmEventStatus.UnknownLead, null, "No lead has this id.");
        }

        var touch = new CrmTouch(crmEvent.LeadId, crmEvent.State, crmEvent.At, Owner: crmEvent.Owner);
        var written = await mutator.MutateAsync(crmEvent.LeadId, l => SalesActivity.Decide(l, touch, now, provider) is { } change
            ? EscalationLadder.WithFirstTouchResult(policy, change)
            : null, cancellationToken);
        if (written is null)
        {
            var current = await store.GetAsync(crmEvent.LeadId, cancellationToken) ?? lead;
            return SalesActivity.Decide(current, touch, now, provider) is null && Matches(current.Status, crmEvent.State)
                ? new CrmEventResult(CrmEventStatus.AlreadyApplied, current, $"The lead is already {current.Status}.")
                : new CrmEventResult(CrmEventStatus.NotAllowed, current, $"A {current.Status} lead cannot become {crmEvent.State}.");
        }

        if (written.Lead.Status == LeadStatus.Contacted)
        {
            if (recyclePolicy.NextCheckAt(written.Lead, now) is { } next)
            {
                await dueIndex.ScheduleAsync(new DueItem(written.Lead.Id, DueKind.Recycle, next), cancellationToken);
            }

            if (EscalationLadder.FollowUpWindowEnd(policy, written.Lead) is { } windowEnd)
            {
                await dueIndex.ScheduleAsync(new DueItem(written.Lead.Id, DueKind.FollowUp, windowEnd), cancellationToken);
            }
        }
        else if (written.Lead.Status == LeadStatus.Recycled)
        {
            await dueIndex.ScheduleAsync(new DueItem(written.Lead.Id, DueKind.Recycle, now), cancellationToken);
        }

        return new CrmEventResult(CrmEventStatus.Applied, written.Lead, $"The lead is now {written.Lead.Status}.");
    }

    private static bool Matches(LeadStatus status, CrmLeadState state) => state switch
    {
        CrmLeadState.Contacted => status == LeadStatus.Contacted,
        CrmLeadState.Converted => status == LeadStatus.Converted,
        CrmLeadState.Disqualified => status == LeadStatus.Disqualified,
        CrmLeadState.Nurture => status == LeadStatus.Recycled,
        _ => false,
    };
}
