namespace LeadSync.Infrastructure.Crm.Dynamics;

/// <summary>The follow-up cadence's activity read: completed <c>activitypointer</c> rows regarding the leads, all pages.</summary>
internal sealed partial class DynamicsGateway
{
    /// <summary>
    /// Per 25 leads: one query for their Dataverse rows (the alternate key), one for their completed activities of the
    /// attempt types (phone calls, e-mails, appointments by default), each at its <c>actualend</c> (else
    /// <c>createdon</c>), following <c>@odata.nextLink</c> to the last page.
    /// </summary>
    public async Task<IReadOnlyList<CrmAttempts>> ReadAttemptsAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var found = await QueryByKeyAsync(leads, o, cancellationToken);
        var rows = found.Values.Select(r => r.LeadId).OfType<string>().ToList();
        var times = new Dictionary<string, List<DateTimeOffset>>(StringComparer.OrdinalIgnoreCase);
        if (o.ReadActivities && rows.Count > 0)
        {
            foreach (var (leadId, at) in await ReadAttemptActivitiesAsync(rows, o, cancellationToken))
            {
                if (at is { } instant)
                {
                    (times.TryGetValue(leadId, out var list) ? list : times[leadId] = []).Add(instant);
                }
            }
        }

        return [.. leads.Select(l => new CrmAttempts(l.Id,
            found.TryGetValue(l.Id, out var row) && row.LeadId is { } id && times.TryGetValue(id, out var list) ? [.. list.Order()] : []))];
    }
}
