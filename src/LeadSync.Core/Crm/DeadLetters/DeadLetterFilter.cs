namespace LeadSync.Core.Crm.DeadLetters;

/// <summary>
/// Which dead letters a bulk replay takes: those not replayed yet whose reason contains <see cref="Reason"/>
/// (case-insensitive) and that were dead-lettered in [<see cref="From"/>, <see cref="To"/>); or all of them when
/// <see cref="All"/> is set. An empty filter without <see cref="All"/> matches nothing (a replay of everything is asked
/// for explicitly).
/// </summary>
public sealed record DeadLetterFilter(string? Reason = null, DateTimeOffset? From = null, DateTimeOffset? To = null, bool All = false)
{
    public bool IsEmpty => !All && string.IsNullOrWhiteSpace(Reason) && From is null && To is null;

    public bool Matches(DeadLetter deadLetter)
    {
        return deadLetter.ReplayedAt is null && !IsEmpty
            && (string.IsNullOrWhiteSpace(Reason) || deadLetter.Reason.Contains(Reason.Trim(), StringComparison.OrdinalIgnoreCase))
            && (From is null || deadLetter.At >= From)
            && (To is null || deadLetter.At < To);
    }
}
