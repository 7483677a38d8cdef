namespace LeadSync.Web.Admin;

/// <summary>
/// <c>POST /api/admin/recycle/dry-run?last=N</c>: judges the last N stored leads (<see cref="RecentLeads"/>) by the
/// recycle policy in effect, or by the candidate <c>recycle</c> document in the body laid over it, and lists each with
/// what the recycle job would do now (recycle with reason and target, close, hand to nurture, or nothing and why).
/// Reads no CRM (the attempts trigger is left out) and changes nothing.
/// </summary>
public sealed class RecycleDryRunEndpoints(
    RecentLeads recent,
    IOptionsMonitor<RecycleOptions> current,
    AdminResourceCatalog catalog,
    ISlaPolicy slaPolicy,
    INurtureTarget nurture,
    TimeProvider timeProvider,
    EndpointGuard guard)
{
    public Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync("recycle dry run", async () =>
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

            var options = current.CurrentValue;
            if (json is not null)
            {
                var errors = new AdminFieldErrors();
                if (catalog.ToRecycleOptions(json, errors) is not { } candidate)
                {
                    return Problem.Validation(errors.ToDictionary());
                }

                options = candidate;
            }

            var now = timeProvider.GetUtcNow();
            var dryRun = new RecycleDryRun(slaPolicy, options);
            var items = (await recent.NewestAsync(last, cancellationToken))
                .Select(lead => (Lead: lead, Verdict: dryRun.Judge(lead, now)))
                .Select(j => new RecycleDryRunItem(j.Lead.Id, j.Lead.Source, j.Lead.ReceivedAt, j.Lead.Status.ToString(),
                    j.Verdict.Decision, j.Verdict.Reason, j.Verdict.Target, j.Verdict.Why))
                .ToList();
            return TypedResults.Ok(new RecycleDryRunView(
                items.Count,
                items.Count(i => i.Decision == RecycleVerdict.Recycle),
                items.Count(i => i.Decision == RecycleVerdict.Close),
                items.Count(i => i.Decision == RecycleVerdict.Nurture),
                $"{nurture.Name} (its configured list)",
                items));
        });
}
