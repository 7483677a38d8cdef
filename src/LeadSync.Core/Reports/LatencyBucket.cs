namespace LeadSync.Core.Reports;

/// <summary>
/// Cycles whose time to first touch lies in [<see cref="FromMinutes"/>, <see cref="ToMinutes"/>) (null: open-ended),
/// counted in elapsed time and in business time.
/// </summary>
public sealed record LatencyBucket(string Label, int FromMinutes, int? ToMinutes, int Elapsed, int Business)
{
    public static IReadOnlyList<(string Label, int From, int? To)> Bounds { get; } =
        [("<5m", 0, 5), ("5–15m", 5, 15), ("15–30m", 15, 30), ("30–60m", 30, 60), ("1–4h", 60, 240), ("4h+", 240, null)];

    /// <summary>The distribution of the samples in <paramref name="tally"/> (the same as over the rows it was made of).</summary>
    public static IReadOnlyList<LatencyBucket> Of(FunnelTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var elapsed = new int[Bounds.Count];
        var business = new int[Bounds.Count];
        foreach (var ticks in tally.Elapsed.Ticks)
        {
            elapsed[IndexOf(TimeSpan.FromTicks(ticks).TotalMinutes)]++;
        }

        foreach (var ticks in tally.Business.Ticks)
        {
            business[IndexOf(TimeSpan.FromTicks(ticks).TotalMinutes)]++;
        }

        return [.. Bounds.Select((b, i) => new LatencyBucket(b.Label, b.From, b.To, elapsed[i], business[i]))];
    }

    public static IReadOnlyList<LatencyBucket> Of(IReadOnlyCollection<FunnelRow> rows)
    {
        var elapsed = new int[Bounds.Count];
        var business = new int[Bounds.Count];
        foreach (var row in rows)
        {
            if (row.FirstTouchAt is { } touched)
            {
                elapsed[IndexOf((touched - row.ReceivedAt).TotalMinutes)]++;
            }

            if (row.BusinessMinutesToFirstTouch is { } minutes)
            {
                business[IndexOf(minutes)]++;
            }
        }

        return [.. Bounds.Select((b, i) => new LatencyBucket(b.Label, b.From, b.To, elapsed[i], business[i]))];
    }

    /// <summary>The bucket of <paramref name="minutes"/> (a negative clock skew counts as under five minutes).</summary>
    public static int IndexOf(double minutes)
    {
        for (var i = 0; i < Bounds.Count; i++)
        {
            if (Bounds[i].To is not { } to || minutes < to)
            {
                return i;
            }
        }

        return Bounds.Count - 1;
    }
}
