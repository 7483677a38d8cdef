using static LeadSync.Infrastructure.Crm.Salesforce.SalesforceRecordMapper;

namespace LeadSync.Infrastructure.Crm.Salesforce;

/// <summary>The follow-up cadence's activity read: Tasks and Events on the Leads (<c>WhoId</c>), all pages.</summary>
internal sealed partial class SalesforceGateway
{
    /// <summary>
    /// Per 100 leads: one SOQL for the Lead record ids, one for their Tasks (those whose Status counts, at their
    /// <c>CreatedDate</c>) and, with <see cref="SalesforceOptions.ReadEvents"/>, one for their Events (at their
    /// <c>StartDateTime</c>, once it has passed); each followed through <c>nextRecordsUrl</c> until <c>done</c>.
    /// </summary>
    public async Task<IReadOnlyList<CrmAttempts>> ReadAttemptsAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        if (Throttled(o) is { } stop)
        {
            throw new CrmUnavailableException(Name, stop);
        }

        if (!o.ReadTasks && !o.ReadEvents)
        {
            return [.. (await GetTouchesAsync(leads, cancellationToken)).Select(t => new CrmAttempts(t.LeadId, [], t.Attempts))];
        }

        var records = await QueryByLeadIdAsync(leads.Select(l => l.Id), "Id", o, cancellationToken);
        var whoIds = records.Values.Select(r => Str(r, "Id")).OfType<string>().ToList();
        var times = new Dictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);
        void Add(string whoId, DateTimeOffset? at)
        {
            if (at is { } instant)
            {
                (times.TryGetValue(whoId, out var list) ? list : times[whoId] = []).Add(instant);
            }
        }

        if (whoIds.Count > 0 && o.ReadTasks)
        {
            foreach (var (whoId, at) in await ReadAttemptTasksAsync(whoIds, o, cancellationToken))
            {
                Add(whoId, at);
            }
        }

        if (whoIds.Count > 0 && o.ReadEvents)
        {
            var now = time.GetUtcNow();
            foreach (var chunk in whoIds.Distinct(StringComparer.Ordinal).Chunk(IdsPerQuery))
            {
                await QueryAllAsync(SalesforceSoql.EventsByWhoId(chunk), "Event", o, e =>
                {
                    if (Str(e, "WhoId") is { } whoId && ParseDateTime(Str(e, "StartDateTime")) is { } start && start <= now)
                    {
                        Add(whoId, start);
                    }
                }, cancellationToken);
            }
        }

        return [.. leads.Select(l => new CrmAttempts(l.Id,
            records.TryGetValue(l.Id, out var r) && Str(r, "Id") is { } id && times.TryGetValue(id, out var list) ? [.. list.Order()] : []))];
    }
}
