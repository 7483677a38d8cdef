namespace LeadSync.Web.Admin;

/// <summary>
/// <c>POST /api/admin/qualification/dry-run?last=N</c>: judges the last N stored leads (by the report index of the last
/// <see cref="LookBackDays"/> days, newest first; test leads left out) by the sales-ready definition in effect and by
/// the candidate document in the body, and lists each lead whose outcome would change. Nothing is changed.
/// </summary>
public sealed class QualificationDryRunEndpoints(
    IFunnelIndex index,
    ILeadStore leads,
    IOptionsMonitor<QualificationOptions> current,
    TimeProvider timeProvider,
    EndpointGuard guard)
{
    public const int DefaultLast = 100;
    public const int MaxLast = 500;
    public const int LookBackDays = 90;

    public Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync("qualification dry run", async () =>
        {
            var last = DefaultLast;
            var lastText = request.Query["last"].ToString();
            if (lastText.Length > 0 &&
                (!int.TryParse(lastText, NumberStyles.None, CultureInfo.InvariantCulture, out last) || last is < 1 or > MaxLast))
            {
                return Problem.Validation(new Dictionary<string, string[]> { ["last"] = [$"A number of leads from 1 to {MaxLast}."] });
            }

            var body = await RequestReader.ReadBodyAsync(request, AdminConfigEndpoints.MaxDocumentBytes, cancellationToken);
            if (body is null)
            {
                return Problem.Of(ProblemTypes.PayloadTooLarge, $"Admin documents are at most {AdminConfigEndpoints.MaxDocumentBytes} bytes.");
            }

            var errors = new AdminFieldErrors();
            if (AdminResourceCatalog.ToQualificationOptions(Encoding.UTF8.GetString(body), errors) is not { } candidate)
            {
                return Problem.Validation(errors.ToDictionary());
            }

            var now = new QualificationPolicy(current);
            var proposed = new QualificationPolicy(new FixedOptionsMonitor<QualificationOptions>(candidate));
            var judged = await LastLeadsAsync(last, cancellationToken);
            var changes = new List<QualificationDryRunItem>();
            int readyNow = 0, readyCandidate = 0;
            foreach (var lead in judged)
            {
                var draft = new LeadDraft { DeliveryKey = lead.DeliveryKey, Contact = lead.Contact, Score = lead.Score, Bant = lead.Bant, IsTest = lead.IsTest };
                var (nowStatus, nowReason) = now.Qualify(draft);
                var (candidateStatus, candidateReason) = proposed.Qualify(draft);
                readyNow += nowStatus == LeadStatus.SalesReady ? 1 : 0;
                readyCandidate += candidateStatus == LeadStatus.SalesReady ? 1 : 0;
                if (nowStatus != candidateStatus)
                {
                    changes.Add(new QualificationDryRunItem(lead.Id, lead.Source, lead.ReceivedAt,
                        nowStatus.ToString(), nowReason, candidateStatus.ToString(), candidateReason));
                }
            }

            return TypedResults.Ok(new QualificationDryRunView(judged.Count, readyNow, readyCandidate, changes));
        });

    /// <summary>The newest <paramref name="count"/> non-test leads of the look-back window, from the report index (one range read) and point reads.</summary>
    private async Task<List<Lead>> LastLeadsAsync(int count, CancellationToken cancellationToken)
    {
        var today = FunnelRow.DayOf(timeProvider.GetUtcNow());
        var rows = await index.ReadAsync(today.AddDays(-(LookBackDays - 1)), today, cancellationToken);
        var ids = rows.Where(r => !r.IsTest).OrderByDescending(r => r.ReceivedAt).Select(r => r.LeadId).Distinct(StringComparer.Ordinal).Take(count).ToList();
        var found = new Lead?[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, ct) => found[i] = await leads.GetAsync(ids[i], ct));
        return [.. found.OfType<Lead>().Where(l => l.Contact.HasReachableChannel)];
    }
}
