namespace LeadSync.Core.Crm.DeadLetters;

/// <summary>What a bulk replay did: the dead letters replayed (oldest first) and whether more still match.</summary>
public sealed record DeadLetterBulkReplayResult(int Replayed, IReadOnlyList<string> Ids, bool More);
