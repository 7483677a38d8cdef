namespace LeadSync.Web.Admin;

/// <summary>
/// <c>POST /api/admin/sla-policies/dry-run</c>: which open leads a candidate SLA document would breach, whose next
/// follow-up cadence checkpoint would fall due, and which the recycle window would recycle, in the next 24 hours. Reads at most <see cref="MaxLeads"/> open leads (paged
/// search on status), never the whole table; the answer says when it was truncated. Nothing is changed.
/// </summary>
public sealed class SlaDryRunEndpoints(
    ILeadSearch search,
    AdminResourceCatalog catalog,
    IOptionsMonitor<RecycleOptions> recycle,
    TimeProvider timeProvider,
    EndpointGuard guard)
{
    public const int MaxLeads = 1000;
    public static readonly TimeSpan Horizon = TimeSpan.FromHours(24);

    public Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync("sla dry run", async () =>
        {
            var body = await RequestReader.ReadBodyAsync(request, AdminConfigEndpoints.MaxDocumentBytes, cancellationToken);
            if (body is null)
            {
                return Problem.Of(ProblemTypes.PayloadTooLarge, $"Admin documents are at most {AdminConfigEndpoints.MaxDocumentBytes} bytes.");
            }

            var errors = new AdminFieldErrors();
            if (catalog.ToSlaOptions(Encoding.UTF8.GetString(body), errors) is not { } candidate)
            {
                return Problem.Validation(errors.ToDictionary());
            }

            var policy = new CalendarSlaPolicy(new FixedOptionsMonitor<Core.Sla.SlaOptions>(candidate));
            var now = timeProvider.GetUtcNow();
            var horizon = now + Horizon;
            var window = recycle.CurrentValue.NoProgressWindow;
            var breaches = new List<DryRunItem>();
            var recycles = new List<DryRunItem>();
            var checkpoints = new List<DryRunItem>();
            var (leads, truncated) = await OpenLeadsAsync(cancellationToken);
            foreach (var lead in leads)
            {
                if (lead.FirstTouchAt is null && lead.Status is LeadStatus.SalesReady or LeadStatus.Synced)
                {
                    var deadline = policy.FirstTouchDeadline(lead with { SlaDueAt = null });
                    if (deadline <= horizon)
                    {
                        breaches.Add(Item(lead, policy.PolicyName(lead), deadline, now));
                    }
                }

                if (CadenceStep.NextDue(policy, lead) is { } checkpointDue && checkpointDue <= horizon && policy.Cadence(lead) is { } cadence)
                {
                    var index = lead.CadenceOutcomes?.Length ?? 0;
                    checkpoints.Add(Item(lead, $"{policy.PolicyName(lead)} checkpoint {index + 1} ({cadence.Checkpoints[index].Attempts} attempts)", checkpointDue, now));
                }

                if (lead.Status is LeadStatus.Synced or LeadStatus.Contacted && lead.StatusChangedAt + window <= horizon)
                {
                    recycles.Add(Item(lead, "recycle", lead.StatusChangedAt + window, now));
                }
            }

            return TypedResults.Ok(new DryRunView(now, horizon, leads.Count, truncated,
                [.. breaches.OrderBy(b => b.At)], [.. recycles.OrderBy(r => r.At)])
            {
                Checkpoints = [.. checkpoints.OrderBy(c => c.At)],
            });
        });

    private static DryRunItem Item(Lead lead, string policy, DateTimeOffset at, DateTimeOffset now) =>
        new(lead.Id, lead.Source, lead.Status.ToString(), lead.Owner, policy, at, at <= now);

    private async Task<(List<Lead> Leads, bool Truncated)> OpenLeadsAsync(CancellationToken cancellationToken)
    {
        var leads = new List<Lead>();
        string? token = null;
        do
        {
            var page = await search.SearchAsync(new LeadSearchQuery
            {
                Statuses = [LeadStatus.SalesReady, LeadStatus.Synced, LeadStatus.Contacted],
                PageSize = Math.Min(500, MaxLeads - leads.Count),
                ContinuationToken = token,
            }, cancellationToken);
            leads.AddRange(page.Leads);
            token = page.ContinuationToken;
        }
        while (token is not null && leads.Count < MaxLeads);

        return (leads, token is not null);
    }
}
