using LeadSync.Infrastructure.Crm;

namespace LeadSync.Web.Admin;

/// <summary>
/// <c>GET /api/leads/{id}</c>: the lead and its documented handoff timeline (admin identity required). The id a 202
/// named for a delivery that was filed under an earlier lead of the same address answers that lead. The answer lists the
/// lead's touches (marketing touches with whether their CRM touch record was written, and the sales touches the CRM
/// reported) and links the CRM record.
/// </summary>
public sealed class LeadEndpoints(
    ILeadStore store,
    ILeadAliases aliases,
    ICrmGateway crm,
    ICrmChangeLog changeLog,
    IOptionsMonitor<CrmTouchOptions> touchOptions,
    CrmRecordLinks links,
    EndpointGuard guard)
{
    /// <summary>The timeline events that are sales touches the CRM reported.</summary>
    private static readonly HashSet<string> SalesTouchEvents = new(StringComparer.Ordinal)
    {
        LeadEvents.Contacted, LeadEvents.CadenceAttempt, LeadEvents.Converted, LeadEvents.Disqualified,
    };

    public Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        guard.RunAsync("lead read", async () =>
        {
            var lead = await store.GetAsync(id, cancellationToken);
            if (lead is null && await aliases.FindAsync(id, cancellationToken) is { } filedUnder)
            {
                lead = await store.GetAsync(filedUnder, cancellationToken);
            }

            if (lead is null)
            {
                return Problem.NotFound("No lead has this id.");
            }

            var timeline = await store.GetTimelineAsync(lead.Id, cancellationToken);
            return TypedResults.Ok(LeadView.From(lead, timeline) with
            {
                Touches = await TouchesAsync(lead, timeline, cancellationToken),
                CrmUrl = links.For(lead.CrmId),
            });
        });

    private async Task<List<LeadTouchView>> TouchesAsync(Lead lead, IReadOnlyList<TimelineEntry> timeline, CancellationToken cancellationToken)
    {
        var checkCrm = touchOptions.CurrentValue.Enabled && lead.CrmId is { Length: > 0 };
        var touches = new List<LeadTouchView>();
        var details = timeline.Where(e => e.Event is LeadEvents.MarketingTouch or LeadEvents.Received).ToList();
        foreach (var record in CrmTouchRecorder.Records(lead, timeline))
        {
            bool? inCrm = checkCrm ? await changeLog.WasHandledAsync("touch-" + crm.Name, record.Key, cancellationToken) : null;
            var detail = details.FirstOrDefault(e => e.At == record.At)?.Detail ?? "Marketing touch.";
            touches.Add(new LeadTouchView(record.At, "marketing", record.Source, record.Campaign, detail, inCrm));
        }

        touches.AddRange(timeline.Where(e => SalesTouchEvents.Contains(e.Event))
            .Select(e => new LeadTouchView(e.At, "sales", e.Actor, null, e.Detail, null)));
        return [.. touches.OrderBy(t => t.At)];
    }
}
