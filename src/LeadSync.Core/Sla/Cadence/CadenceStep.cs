namespace LeadSync.Core.Sla.Cadence;

/// <summary>
/// The pure cadence decision the sweep applies to a lead in sales' hands (Synced or Contacted): new attempts go on the
/// timeline, each newly decided checkpoint gets its entry, and each newly missed one raises one notice up the tier's
/// ladder (the first miss to level 1's recipient, the second to level 2's, …; the notice row makes a second write of
/// the same checkpoint conflict, so it fires once even when sweeps race).
/// </summary>
public static class CadenceStep
{
    /// <summary>Attempt entries written by one check at most (older ones are summed up in one line).</summary>
    public const int MaxAttemptEntries = 20;

    private const string Actor = "cadence";

    /// <summary>The instant the cadence counts from: the handoff (sync to the CRM), else the cycle's receipt.</summary>
    public static DateTimeOffset HandoffOf(Lead lead) => lead.SyncedAt ?? lead.ReceivedAt;

    /// <summary>When the lead's next undecided checkpoint is due, or null without a cadence or once all are decided.</summary>
    public static DateTimeOffset? NextDue(ISlaPolicy policy, Lead lead)
    {
        if (!InSalesHands(lead) || policy.Cadence(lead) is not { } cadence)
        {
            return null;
        }

        var decided = lead.CadenceOutcomes?.Length ?? 0;
        return decided >= cadence.Checkpoints.Count ? null
            : policy.AddBusinessTime(lead, HandoffOf(lead), cadence.Checkpoints[decided].By);
    }

    /// <param name="crmChecked">False when the CRM's activities could not be read: met checkpoints (from native events)
    /// are still recorded, but no checkpoint is called missed on a count LeadSync could not check.</param>
    public static CadenceDecision Decide(ISlaPolicy policy, Lead lead, AttemptLog attempts, DateTimeOffset now, bool crmChecked = true)
    {
        if (!InSalesHands(lead) || policy.Cadence(lead) is not { } cadence)
        {
            return new CadenceDecision(null, null);
        }

        // Attempts before this cycle started belong to an earlier cycle (or to nobody: clocks never run backwards).
        var cycle = new AttemptLog([.. attempts.Crm.Where(a => a >= lead.ReceivedAt)], [.. attempts.Native.Where(a => a >= lead.ReceivedAt)]);
        var handoff = HandoffOf(lead);
        var results = CadenceEvaluator.Evaluate(cadence, new LeadCalendar(policy, lead), handoff, cycle, now);
        var entries = new List<TimelineEntry>();
        var notices = new List<EscalationNotice>();

        var fresh = cycle.After(lead.LastAttemptAt).Where(a => a <= now).ToList();
        var numberBefore = cycle.Total - fresh.Count;
        if (fresh.Count > MaxAttemptEntries)
        {
            entries.Add(new TimelineEntry(now, Actor, LeadEvents.CadenceAttempt,
                $"{fresh.Count - MaxAttemptEntries} attempt(s) from {fresh[0]:u} to {fresh[fresh.Count - MaxAttemptEntries - 1]:u}."));
        }

        for (var i = Math.Max(0, fresh.Count - MaxAttemptEntries); i < fresh.Count; i++)
        {
            entries.Add(new TimelineEntry(now, Actor, LeadEvents.CadenceAttempt,
                $"Attempt {numberBefore + i + 1} at {fresh[i]:u} ({BusinessText(policy.BusinessTimeBetween(lead, handoff, fresh[i]))} of business time after the handoff)."));
        }

        var outcomes = new StringBuilder(lead.CadenceOutcomes ?? string.Empty);
        var missedSoFar = outcomes.ToString().Count(c => c == 'X');
        DateTimeOffset? nextDue = null;
        foreach (var result in results.Skip(outcomes.Length))
        {
            if (result.Outcome == CheckpointOutcome.Pending || (result.Outcome == CheckpointOutcome.Missed && !crmChecked))
            {
                nextDue = result.DueAt > now ? result.DueAt : now;
                break;
            }

            var label = $"Checkpoint {result.Index + 1} (at least {result.Checkpoint.Attempts} attempt(s) by {BusinessText(result.Checkpoint.By)} of business time, due {result.DueAt:u})";
            if (result.Outcome == CheckpointOutcome.Met)
            {
                outcomes.Append('M');
                entries.Add(new TimelineEntry(now, Actor, LeadEvents.CadenceCheckpointMet, $"{label}: met at {result.MetAt:u}."));
                continue;
            }

            outcomes.Append('X');
            missedSoFar++;
            var levels = policy.LevelCount(lead);
            var recipient = levels > 0 ? policy.Recipient(lead, Math.Min(missedSoFar, levels)) : "owner";
            entries.Add(new TimelineEntry(now, Actor, LeadEvents.CadenceCheckpointMissed,
                $"{label}: missed with {result.Attempts} attempt(s); escalated to {recipient}."));
            notices.Add(new EscalationNotice
            {
                LeadId = lead.Id,
                Level = EscalationNotice.CadenceLevelBase + result.Index,
                Recipient = recipient,
                Action = EscalationActions.Notify,
                RaisedAt = now,
                DeadlineAt = result.DueAt,
                Cycle = lead.ReEngagedCount,
            });
        }

        var next = lead with
        {
            CadenceOutcomes = outcomes.ToString(),
            LastAttemptAt = fresh.Count > 0 ? fresh[^1] : lead.LastAttemptAt,
            ContactAttempts = Math.Max(lead.ContactAttempts, cycle.CountBy(now)),
        };
        var changed = entries.Count > 0 || next.ContactAttempts != lead.ContactAttempts;
        return new CadenceDecision(changed ? new LeadChange(next, entries) { Notices = notices } : null, nextDue);
    }

    private static bool InSalesHands(Lead lead) => lead.Status is LeadStatus.Synced or LeadStatus.Contacted;

    private static string BusinessText(TimeSpan span) =>
        span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min"
        : span.Minutes == 0 ? $"{(int)span.TotalHours} h"
        : $"{(int)span.TotalHours} h {span.Minutes} min";
}
