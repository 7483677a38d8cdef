namespace LeadSync.Core.Sla.Cadence;

/// <summary>
/// A lead's attempts from its two sources: the CRM's activities (read by the sweep) and the CRM's native change
/// events (recorded as they arrive). The same call can show up in both, so the count at any instant is the larger of
/// the two counts, never their sum.
/// </summary>
public sealed record AttemptLog(IReadOnlyList<DateTimeOffset> Crm, IReadOnlyList<DateTimeOffset> Native)
{
    public static AttemptLog Empty { get; } = new([], []);

    /// <summary>Attempts made at or before <paramref name="cutoff"/>.</summary>
    public int CountBy(DateTimeOffset cutoff) => Math.Max(Crm.Count(a => a <= cutoff), Native.Count(a => a <= cutoff));

    /// <summary>The instant the <paramref name="n"/>-th attempt (1-based) was made in either source, the earlier one.</summary>
    public DateTimeOffset? NthAt(int n)
    {
        var crm = Crm.Order().Skip(n - 1).Select(a => (DateTimeOffset?)a).FirstOrDefault();
        var native = Native.Order().Skip(n - 1).Select(a => (DateTimeOffset?)a).FirstOrDefault();
        return crm is null ? native : native is null ? crm : crm < native ? crm : native;
    }

    /// <summary>Every attempt after <paramref name="after"/> (null: all), in time order, the larger source's list.</summary>
    public IReadOnlyList<DateTimeOffset> After(DateTimeOffset? after)
    {
        var source = Native.Count > Crm.Count ? Native : Crm;
        return [.. source.Where(a => after is null || a > after).Order()];
    }

    public int Total => Math.Max(Crm.Count, Native.Count);
}
