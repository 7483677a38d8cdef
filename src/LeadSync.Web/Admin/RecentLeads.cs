namespace LeadSync.Web.Admin;

/// <summary>
/// The leads the dry runs judge: the newest N stored leads of the last <see cref="LookBackDays"/> days by the report
/// index (one range read, newest first, test leads left out) and a point read each — never a scan of the leads table.
/// </summary>
public sealed class RecentLeads(IFunnelIndex index, ILeadStore leads, TimeProvider timeProvider)
{
    public const int DefaultLast = 100;
    public const int MaxLast = 500;
    public const int LookBackDays = 90;

    /// <summary>The <c>last</c> query value (default <see cref="DefaultLast"/>), or the 400 to answer.</summary>
    public static (int Last, IResult? Problem) ParseLast(HttpRequest request)
    {
        var last = DefaultLast;
        var text = request.Query["last"].ToString();
        return text.Length > 0 &&
            (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out last) || last is < 1 or > MaxLast)
            ? (0, Problem.Validation(new Dictionary<string, string[]> { ["last"] = [$"A number of leads from 1 to {MaxLast}."] }))
            : (last, null);
    }

    /// <summary>The newest <paramref name="count"/> non-test leads, newest first.</summary>
    public async Task<List<Lead>> NewestAsync(int count, CancellationToken cancellationToken)
    {
        var today = FunnelRow.DayOf(timeProvider.GetUtcNow());
        var rows = await index.ReadAsync(today.AddDays(-(LookBackDays - 1)), today, cancellationToken);
        var ids = rows.Where(r => !r.IsTest).OrderByDescending(r => r.ReceivedAt).Select(r => r.LeadId).Distinct(StringComparer.Ordinal).Take(count).ToList();
        var found = new Lead?[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, ct) => found[i] = await leads.GetAsync(ids[i], ct));
        return [.. found.OfType<Lead>()];
    }
}
