namespace LeadSync.Core.Crm.DeadLetters;

/// <summary>
/// Replays many dead letters at once, by reason, by time range or all (see <see cref="DeadLetterFilter"/>), each as
/// <see cref="DeadLetterReplay"/> does with the admin's identity on the lead's timeline. At most
/// <see cref="MaxPerRequest"/> per call, oldest first; <see cref="DeadLetterBulkReplayResult.More"/> says to call again.
/// Safe to repeat: a replayed dead letter no longer matches, and upserts by the LeadSync id never create a second record.
/// </summary>
public sealed class DeadLetterBulkReplay(IDeadLetterStore deadLetters, DeadLetterReplay replay)
{
    public const int MaxPerRequest = 1000;

    /// <summary>How many dead letters are read to find the matches.</summary>
    private const int ReadLimit = 50_000;

    public async Task<DeadLetterBulkReplayResult> ReplayAsync(DeadLetterFilter filter, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        var matching = (await deadLetters.ListAsync(ReadLimit, cancellationToken))
            .Where(filter.Matches)
            .OrderBy(d => d.At)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        var ids = new List<string>();
        foreach (var deadLetter in matching.Take(MaxPerRequest))
        {
            await replay.ReplayAsync(deadLetter, actor, cancellationToken);
            ids.Add(deadLetter.Id);
        }

        return new DeadLetterBulkReplayResult(ids.Count, ids, matching.Count > ids.Count);
    }
}
