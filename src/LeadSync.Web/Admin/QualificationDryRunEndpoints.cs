namespace LeadSync.Web.Admin;

/// <summary>
/// <c>POST /api/admin/qualification/dry-run?last=N</c>: judges the last N stored leads (by the report index of the last
/// <see cref="LookBackDays"/> days, newest first; test leads left out) by the sales-ready definition in effect and by
/// the candidate document in the body, and lists each lead whose outcome would change. Nothing is changed.
/// </summary>
public sealed class QualificationDryRunEndpoints(
    RecentLeads recent,
    IOptionsMonitor<QualificationOptions> current,
    EndpointGuard guard)
{
    public const int DefaultLast = RecentLeads.DefaultLast;
    public const int MaxLast = RecentLeads.MaxLast;
    public const int LookBackDays = RecentLeads.LookBackDays;

    public Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync("qualification dry run", async () =>
        {
            var (last, badLast) = RecentLeads.ParseLast(request);
            if (badLast is not null)
            {
                return badLast;
            }

            var (json, tooLarge) = await CandidateDocument.ReadAsync(request, cancellationToken);
            if (tooLarge is not null)
            {
                return tooLarge;
            }

            var errors = new AdminFieldErrors();
            if (AdminResourceCatalog.ToQualificationOptions(json ?? string.Empty, errors) is not { } candidate)
            {
                return Problem.Validation(errors.ToDictionary());
            }

            var now = new QualificationPolicy(current);
            var proposed = new QualificationPolicy(new FixedOptionsMonitor<QualificationOptions>(candidate));
            var judged = (await recent.NewestAsync(last, cancellationToken)).Where(l => l.Contact.HasReachableChannel).ToList();
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
}
