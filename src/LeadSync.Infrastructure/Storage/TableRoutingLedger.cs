namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// The routing counters in table <c>Routing</c>, all in partition <c>ledger</c> so that one entity-group transaction
/// covers a routing step: the team row (<c>team|{id}</c>, round-robin credits), the rep row (<c>rep|{person}</c>, leads
/// of the day and open leads) and the lead row (<c>lead|{key}</c>, the decision). The team and rep rows are written on
/// the ETags read (or added when absent) and the lead row is an insert, so a lost race or a second routing of the same
/// lead fails the whole step and nothing is counted twice.
/// </summary>
public sealed class TableRoutingLedger(StorageClients clients) : IRoutingLedger
{
    private const string Partition = "ledger";
    private const string TeamPrefix = "team|";
    private const string RepPrefix = "rep|";
    private const string LeadPrefix = "lead|";

    public async Task<RoutingLedgerState> ReadAsync(string? teamId, IReadOnlyList<string> personIds, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.Routing, cancellationToken);
        var etags = new Dictionary<string, ETag?>(StringComparer.Ordinal);
        var credits = new Dictionary<string, long>(StringComparer.Ordinal);
        if (teamId is not null)
        {
            var teamKey = TeamPrefix + TableKey.Escape(teamId);
            var team = await StorageCall.RunAsync(() => table.GetEntityIfExistsAsync<TableEntity>(Partition, teamKey, cancellationToken: cancellationToken), cancellationToken);
            etags[teamKey] = team.HasValue ? team.Value!.ETag : null;
            if (team.HasValue && team.Value!.GetString("Credits") is { Length: > 0 } json)
            {
                credits = JsonSerializer.Deserialize<Dictionary<string, long>>(json) ?? credits;
            }
        }

        var wanted = personIds.Select(p => RepPrefix + TableKey.Escape(p)).ToHashSet(StringComparer.Ordinal);
        var reps = new Dictionary<string, RepLedger>(StringComparer.Ordinal);
        foreach (var key in wanted)
        {
            etags[key] = null;
        }

        // One range query over the rep rows (one row per person of the directory), not one read per rep.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {RepPrefix} and RowKey lt {"rep}"}");
        await StorageCall.RunAsync(async () =>
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                if (wanted.Contains(row.RowKey))
                {
                    etags[row.RowKey] = row.ETag;
                    var rep = FromRep(row);
                    reps[rep.PersonId] = rep;
                }
            }

            return 0;
        }, cancellationToken);
        return new RoutingLedgerState(teamId, credits, reps) { Concurrency = etags };
    }

    public async Task<RoutingCommitResult> TryCommitAsync(RoutingLedgerState read, RoutingAssignment assignment, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.Routing, cancellationToken);
        var etags = read.Concurrency as Dictionary<string, ETag?> ?? [];
        var actions = new List<TableTransactionAction>();
        if (assignment.TeamId is not null && assignment.Credits is not null)
        {
            var teamKey = TeamPrefix + TableKey.Escape(assignment.TeamId);
            var team = new TableEntity(Partition, teamKey) { ["Credits"] = JsonSerializer.Serialize(assignment.Credits), ["TeamId"] = assignment.TeamId };
            actions.Add(Conditional(team, etags.GetValueOrDefault(teamKey)));
        }

        var day = DateOnly.FromDateTime(assignment.At.UtcDateTime);
        var rep = read.Rep(assignment.PersonId);
        var open = rep.OpenLeads.Except(assignment.ReleasedLeads, StringComparer.Ordinal).ToList();
        if (assignment.TrackOpen)
        {
            open.Add(assignment.LeadId);
        }

        var repKey = RepPrefix + TableKey.Escape(assignment.PersonId);
        var repRow = new TableEntity(Partition, repKey)
        {
            ["PersonId"] = assignment.PersonId,
            ["Day"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["NewOnDay"] = (rep.Day == day ? rep.NewOnDay : 0) + 1,
            ["Open"] = JsonSerializer.Serialize(open),
        };
        actions.Add(Conditional(repRow, etags.GetValueOrDefault(repKey)));
        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, ToLead(assignment)));
        try
        {
            await StorageCall.RunAsync(() => table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken);
            return RoutingCommitResult.Committed;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return await FindAsync(assignment.LeadId, cancellationToken) is null ? RoutingCommitResult.Conflict : RoutingCommitResult.AlreadyRouted;
        }
    }

    public async Task<RoutingAssignment?> FindAsync(string leadId, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.Routing, cancellationToken);
        var row = await StorageCall.RunAsync(
            () => table.GetEntityIfExistsAsync<TableEntity>(Partition, LeadPrefix + TableKey.Escape(leadId), cancellationToken: cancellationToken), cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        var e = row.Value!;
        return new RoutingAssignment(leadId, e.GetString("PersonId") ?? "", e.GetString("OwnerId") ?? "", e.GetString("TeamId"),
            e.GetString("Version") ?? "", e.GetString("Explanation") ?? "", e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue);
    }

    private static TableTransactionAction Conditional(TableEntity entity, ETag? etag) =>
        etag is { } known
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, known)
            : new TableTransactionAction(TableTransactionActionType.Add, entity);

    private static TableEntity ToLead(RoutingAssignment a) => new(Partition, LeadPrefix + TableKey.Escape(a.LeadId))
    {
        ["PersonId"] = a.PersonId,
        ["OwnerId"] = a.OwnerId,
        ["TeamId"] = a.TeamId,
        ["Version"] = a.DirectoryVersion,
        ["Explanation"] = a.Explanation.Length > 4000 ? a.Explanation[..4000] : a.Explanation,
        ["At"] = a.At,
    };

    private static RepLedger FromRep(TableEntity e)
    {
        var day = DateOnly.TryParseExact(e.GetString("Day"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : DateOnly.MinValue;
        var open = e.GetString("Open") is { Length: > 0 } json ? JsonSerializer.Deserialize<List<string>>(json) ?? [] : [];
        return new RepLedger(e.GetString("PersonId") ?? e.RowKey[RepPrefix.Length..], day, e.GetInt32("NewOnDay") ?? 0, open);
    }
}
