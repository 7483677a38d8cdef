namespace LeadSync.Core.Sla;

/// <summary>
/// The wake-up hints a synced lead needs: the next rung of its escalation ladder (if any is left) and its next recycle
/// check, and its next follow-up cadence checkpoint. Filed by the sync right after its Synced write, and filed again by the re-drive job (an upsert of the same
/// rows) in case a crash came between the two.
/// </summary>
public static class SyncedLeadHints
{
    public static IEnumerable<DueItem> For(Lead lead, ISlaPolicy slaPolicy, RecyclePolicy recyclePolicy, DateTimeOffset now)
    {
        if (lead.EscalationLevel < slaPolicy.LevelCount(lead))
        {
            yield return new DueItem(lead.Id, DueKind.Sla, EscalationLadder.DueAt(slaPolicy, lead, lead.EscalationLevel + 1));
        }

        if (Cadence.CadenceStep.NextDue(slaPolicy, lead) is { } checkpoint)
        {
            yield return new DueItem(lead.Id, DueKind.FollowUp, checkpoint);
        }

        if (recyclePolicy.NextCheckAt(lead, now) is { } recycleCheck)
        {
            yield return new DueItem(lead.Id, DueKind.Recycle, recycleCheck);
        }
    }
}
