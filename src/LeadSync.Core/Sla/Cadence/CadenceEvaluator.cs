namespace LeadSync.Core.Sla.Cadence;

/// <summary>
/// The pure cadence math: each checkpoint is due <see cref="CadenceCheckpoint.By"/> of working time after the handoff
/// on the tier's calendar (nights, weekends, holidays and DST shifts are the calendar's business); it is met once the
/// attempts made by its due time reach its count, missed once its due time has passed without, pending otherwise.
/// No clock is read here: <c>now</c> is passed in.
/// </summary>
public static class CadenceEvaluator
{
    public static IReadOnlyList<CheckpointResult> Evaluate(
        CadencePolicy cadence, IBusinessCalendar calendar, DateTimeOffset handoff, AttemptLog attempts, DateTimeOffset now)
    {
        var results = new List<CheckpointResult>(cadence.Checkpoints.Count);
        for (var i = 0; i < cadence.Checkpoints.Count; i++)
        {
            var checkpoint = cadence.Checkpoints[i];
            var due = calendar.AddBusinessTime(handoff, checkpoint.By);
            var cutoff = due < now ? due : now;
            var made = attempts.CountBy(cutoff);
            var outcome = made >= checkpoint.Attempts ? CheckpointOutcome.Met
                : now >= due ? CheckpointOutcome.Missed
                : CheckpointOutcome.Pending;
            results.Add(new CheckpointResult(i, checkpoint, due, outcome, made,
                outcome == CheckpointOutcome.Met ? attempts.NthAt(checkpoint.Attempts) : null));
        }

        return results;
    }
}
