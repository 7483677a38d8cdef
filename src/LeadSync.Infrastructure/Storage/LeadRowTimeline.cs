namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// The timeline entries kept on the lead row itself (its <c>Timeline</c> property, a JSON array, carried by
/// <see cref="Lead.StoredTimeline"/>). A lead's entries go there while the array stays within <see cref="MaxChars"/>,
/// so the usual life of a lead (received, marketing touch, qualified, synced) writes one entity per write instead of
/// one more per entry. Entries that do not fit become rows of their own (<c>t|</c> rows), as every entry of a lead
/// stored before the array existed does; the timeline is both, in time order.
/// </summary>
internal static class LeadRowTimeline
{
    /// <summary>
    /// The most characters the array holds: a property may hold 32 Ki characters and the lead row shares its 1 MiB with
    /// the raw payload (16 KiB by default), so this leaves room for both.
    /// </summary>
    public const int MaxChars = 8_000;

    /// <summary>The array of a new lead before any entry.</summary>
    public const string Empty = "[]";

    /// <summary>
    /// The array with <paramref name="entries"/> appended, or null when they do not go there: a lead stored before the
    /// array existed (<paramref name="stored"/> null), or an array that would grow past <see cref="MaxChars"/>.
    /// </summary>
    public static string? TryAppend(string? stored, IReadOnlyList<TimelineEntry> entries)
    {
        if (stored is null || stored.Length < 2)
        {
            return null;
        }

        if (entries.Count == 0)
        {
            return stored;
        }

        var added = JsonSerializer.Serialize(entries.Select(e => e with { At = e.At.ToUniversalTime() }).ToList(), TimelineJsonContext.Default.ListTimelineEntry);
        var joined = stored.Length == 2 ? added : string.Concat(stored.AsSpan(0, stored.Length - 1), ",", added.AsSpan(1));
        return joined.Length <= MaxChars ? joined : null;
    }

    /// <summary>The entries of the array, in the order they were written.</summary>
    public static IReadOnlyList<TimelineEntry> Read(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : JsonSerializer.Deserialize(stored, TimelineJsonContext.Default.ListTimelineEntry) ?? [];

    /// <summary>
    /// The array with the detail of every entry <paramref name="redact"/> picks replaced by <paramref name="erased"/>,
    /// and how many were; the array itself (and 0) when none is.
    /// </summary>
    public static (string? Stored, int Redacted) Redact(string? stored, Func<TimelineEntry, bool> redact, string erased)
    {
        var entries = Read(stored);
        var redacted = 0;
        var kept = entries.Select(e =>
        {
            if (e.Detail == erased || !redact(e))
            {
                return e;
            }

            redacted++;
            return e with { Detail = erased };
        }).ToList();
        return redacted == 0 ? (stored, 0) : (JsonSerializer.Serialize(kept, TimelineJsonContext.Default.ListTimelineEntry), redacted);
    }
}
