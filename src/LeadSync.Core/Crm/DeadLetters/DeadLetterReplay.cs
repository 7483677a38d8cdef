namespace LeadSync.Core.Crm.DeadLetters;

/// <summary>
/// Replays a dead-lettered sync after an admin fixed the cause: the lead's attempt count starts again and the sync is
/// re-enqueued. Upserts are keyed by the LeadSync id, so a replay can never create a second CRM record.
/// </summary>
public sealed class DeadLetterReplay(IDeadLetterStore deadLetters, LeadMutator mutator, IWorkQueue queue, TimeProvider timeProvider)
{
    public async Task<DeadLetter?> ReplayAsync(string id, string actor, CancellationToken cancellationToken)
    {
        var deadLetter = await deadLetters.GetAsync(id, cancellationToken);
        return deadLetter is null ? null : await ReplayAsync(deadLetter, actor, cancellationToken);
    }

    /// <summary>Replays a dead letter already read; <paramref name="actor"/> (the admin's identity) goes on the lead's timeline.</summary>
    public async Task<DeadLetter> ReplayAsync(DeadLetter deadLetter, string actor, CancellationToken cancellationToken)
    {
        var id = deadLetter.Id;
        var now = timeProvider.GetUtcNow();
        await mutator.MutateAsync(deadLetter.LeadId, lead => lead.Status != LeadStatus.SalesReady ? null :
            new LeadChange(lead with { SyncAttempts = 0 }, [new TimelineEntry(now, actor, LeadEvents.SyncReplayed, $"Dead letter {id} replayed.")]),
            cancellationToken);
        await queue.EnqueueAsync(QueueNames.LeadSync, deadLetter.LeadId, cancellationToken);
        var replayed = deadLetter with { ReplayedAt = now };
        await deadLetters.UpdateAsync(replayed, cancellationToken);
        return replayed;
    }
}
