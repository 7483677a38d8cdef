namespace LeadSync.Infrastructure.Crm.Sandbox;

/// <summary>
/// A real, minimal CRM kept in LeadSync's own storage (table <c>SandboxCrm</c>, one partition per
/// <see cref="LeadShard"/>: <c>lead|{shard}</c>), so LeadSync works end to end with no external account. Upserts are keyed by the LeadSync id like the real adapters; sales activity is recorded through
/// <c>POST /api/crm-events/sandbox</c>.
/// </summary>
public sealed class SandboxCrmGateway(StorageClients clients, IOptionsMonitor<SandboxCrmOptions> options, TimeProvider timeProvider) : ICrmGateway
{
    public const string ProviderName = CrmProviders.Sandbox;
    private const string PartitionPrefix = "lead|";
    private const string CursorPartition = "reassign";
    private const string CursorRow = "cursor";

    /// <summary>Azure Tables allows 15 comparisons in a filter: the partition and 14 row keys.</summary>
    private const int TouchesPerQuery = 14;

    private const int ConcurrentTouchQueries = 8;

    public string Name => ProviderName;

    public async Task<IReadOnlyList<CrmUpsertResult>> UpsertAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.SandboxCrm, cancellationToken);
        var results = new List<CrmUpsertResult>(leads.Count);
        foreach (var lead in leads)
        {
            var existing = await ReadAsync(table, lead.Id, cancellationToken);
            var record = existing ?? new TableEntity(PartitionOf(lead.Id), lead.Id)
            {
                ["CrmId"] = "sbx-" + lead.Id[3..],
                ["Owner"] = lead.RoutedOwner ?? AssignedOwner(lead.Contact.Email),
                ["Status"] = SandboxCrmStatus.Open,
                ["CreatedAt"] = timeProvider.GetUtcNow(),
            };
            record["Email"] = lead.Contact.Email;
            record["Name"] = lead.Contact.DisplayName;
            record["Company"] = lead.Contact.Company;
            record["Source"] = lead.Source;
            record["UpdatedAt"] = timeProvider.GetUtcNow();
            await StorageCall.RunAsync(() => table.UpsertEntityAsync(record, TableUpdateMode.Replace, cancellationToken), cancellationToken);
            results.Add(new CrmUpsertResult(lead.Id, CrmOutcome.Success, record.GetString("CrmId"), record.GetString("Owner")));
        }

        return results;
    }

    /// <summary>The owner the sandbox's assignment rule gives a new lead: by e-mail domain when listed, else the default.</summary>
    private string AssignedOwner(string? email)
    {
        var settings = options.CurrentValue;
        var at = email?.LastIndexOf('@') ?? -1;
        return at >= 0 && settings.OwnersByDomain.TryGetValue(email![(at + 1)..], out var owner) && !string.IsNullOrWhiteSpace(owner)
            ? owner
            : settings.DefaultOwner;
    }

    /// <summary>
    /// Reads the records of up to <see cref="TouchesPerQuery"/> leads per table query (a real CRM answers a batch in one
    /// call), a few queries at a time; a lead without a record is untouched.
    /// </summary>
    public async Task<IReadOnlyList<CrmTouch>> GetTouchesAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.SandboxCrm, cancellationToken);
        var records = new ConcurrentDictionary<string, TableEntity>(StringComparer.Ordinal);
        var chunks = leads.Select(l => l.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .GroupBy(PartitionOf, StringComparer.Ordinal).SelectMany(shard => shard.Chunk(TouchesPerQuery));
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentTouchQueries, CancellationToken = cancellationToken }, async (ids, ct) =>
        {
            foreach (var record in await QueryRecordsAsync(table, ids, ct))
            {
                records[record.RowKey] = record;
            }
        });

        return [.. leads.Select(lead => ToTouch(lead.Id, records.GetValueOrDefault(lead.Id)))];
    }

    /// <summary>
    /// The cadence's activity read: the same keyed queries as <see cref="GetTouchesAsync"/>; each recorded activity
    /// is one attempt at its time (records from before attempt times were kept count without times).
    /// </summary>
    public async Task<IReadOnlyList<CrmAttempts>> ReadAttemptsAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.SandboxCrm, cancellationToken);
        var records = new ConcurrentDictionary<string, TableEntity>(StringComparer.Ordinal);
        var chunks = leads.Select(l => l.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .GroupBy(PartitionOf, StringComparer.Ordinal).SelectMany(shard => shard.Chunk(TouchesPerQuery));
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentTouchQueries, CancellationToken = cancellationToken }, async (ids, ct) =>
        {
            foreach (var record in await QueryRecordsAsync(table, ids, ct))
            {
                records[record.RowKey] = record;
            }
        });

        return [.. leads.Select(lead =>
        {
            var record = records.GetValueOrDefault(lead.Id);
            var times = ParseTimes(record?.GetString("AttemptTimes"));
            return new CrmAttempts(lead.Id, times, Math.Max(0, (record?.GetInt32("Attempts") ?? 0) - times.Count));
        })];
    }

    /// <summary>The batch state read: the same keyed queries as <see cref="GetTouchesAsync"/> (14 records per query).</summary>
    public async Task<IReadOnlyList<CrmRecordState>> ReadStatesAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.SandboxCrm, cancellationToken);
        var records = new ConcurrentDictionary<string, TableEntity>(StringComparer.Ordinal);
        var chunks = leads.Select(l => l.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .GroupBy(PartitionOf, StringComparer.Ordinal).SelectMany(shard => shard.Chunk(TouchesPerQuery));
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentTouchQueries, CancellationToken = cancellationToken }, async (ids, ct) =>
        {
            foreach (var record in await QueryRecordsAsync(table, ids, ct))
            {
                records[record.RowKey] = record;
            }
        });

        return [.. leads.Select(lead => records.TryGetValue(lead.Id, out var record) ? ToState(lead.Id, record) : new CrmRecordState(lead.Id, CrmFunnelStage.Missing))];
    }

    private static CrmRecordState ToState(string leadId, TableEntity record)
    {
        var status = record.GetString("Status");
        var stage = status switch
        {
            SandboxCrmStatus.Working => CrmFunnelStage.Working,
            SandboxCrmStatus.Converted => CrmFunnelStage.Converted,
            SandboxCrmStatus.NotConverted => CrmFunnelStage.Disqualified,
            SandboxCrmStatus.Nurture => CrmFunnelStage.Nurture,
            _ => CrmFunnelStage.Open,
        };
        return new CrmRecordState(leadId, stage, status, null, stage == CrmFunnelStage.Converted, record.GetString("Owner"), record.GetDateTimeOffset("FirstTouchAt"));
    }

    private static CrmTouch ToTouch(string leadId, TableEntity? record)
    {
        var state = record?.GetString("Status") switch
        {
            SandboxCrmStatus.Working => CrmLeadState.Contacted,
            SandboxCrmStatus.Converted => CrmLeadState.Converted,
            SandboxCrmStatus.NotConverted => CrmLeadState.Disqualified,
            _ => CrmLeadState.Untouched,
        };
        return new CrmTouch(leadId, state, record?.GetDateTimeOffset("FirstTouchAt"), record?.GetInt32("Attempts") ?? 0, record?.GetString("Owner"));
    }

    /// <summary>One query for the named records (all in one shard): the partition and one row-key comparison per lead, OR-ed.</summary>
    private static async Task<List<TableEntity>> QueryRecordsAsync(TableClient table, IReadOnlyList<string> leadIds, CancellationToken cancellationToken)
    {
        var rows = string.Join(" or ", leadIds.Select(id => TableClient.CreateQueryFilter($"RowKey eq {id}")));
        var filter = $"{TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(leadIds[0])}")} and ({rows})";
        var found = await StorageCall.RunAsync(async () =>
        {
            var list = new List<TableEntity>();
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                list.Add(row);
            }

            return list;
        }, cancellationToken);
        // Counted as point reads: every row is named by its key, none is scanned for.
        EntityReads.Add(TableNames.SandboxCrm, EntityReads.Point, found.Count);
        return found;
    }

    public async Task<CrmOutcome> MarkRecycledAsync(Lead lead, string reason, CancellationToken cancellationToken)
    {
        return await SetStatusAsync(lead.Id, SandboxCrmStatus.Nurture, null, cancellationToken)
            ? CrmOutcome.Success
            : new CrmOutcome(CrmOutcomeKind.Permanent, "No sandbox CRM record for this lead.");
    }

    /// <summary>
    /// Round-robin over <c>ReassignPool</c> (skipping the current owner when the pool has others); the cursor lives in
    /// the sandbox table and advances with an ETag condition, so concurrent reassignments take different owners.
    /// </summary>
    public async Task<CrmReassignment> ReassignAsync(Lead lead, string pool, CancellationToken cancellationToken)
    {
        var owners = options.CurrentValue.ReassignPool.Where(o => !string.IsNullOrWhiteSpace(o)).ToList();
        if (owners.Count == 0)
        {
            return new CrmReassignment(new CrmOutcome(CrmOutcomeKind.Permanent, "LeadSync:Crm:Sandbox:ReassignPool is empty."));
        }

        var table = await clients.TableAsync(TableNames.SandboxCrm, cancellationToken);
        var record = await ReadAsync(table, lead.Id, cancellationToken);
        if (record is null)
        {
            return new CrmReassignment(new CrmOutcome(CrmOutcomeKind.Permanent, "No sandbox CRM record for this lead."));
        }

        var current = record.GetString("Owner");
        var owner = await NextOwnerAsync(table, owners, current, cancellationToken);
        return await SetOwnerAsync(table, record, owner, cancellationToken);
    }

    /// <summary>Sets the sandbox record's owner (the reassign rung of a routed lead).</summary>
    public async Task<CrmReassignment> AssignOwnerAsync(Lead lead, string ownerId, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.SandboxCrm, cancellationToken);
        return await ReadAsync(table, lead.Id, cancellationToken) is { } record
            ? await SetOwnerAsync(table, record, ownerId, cancellationToken)
            : new CrmReassignment(new CrmOutcome(CrmOutcomeKind.Permanent, "No sandbox CRM record for this lead."));
    }

    private async Task<CrmReassignment> SetOwnerAsync(TableClient table, TableEntity record, string owner, CancellationToken cancellationToken)
    {
        record["Owner"] = owner;
        record["UpdatedAt"] = timeProvider.GetUtcNow();
        await StorageCall.RunAsync(() => table.UpsertEntityAsync(record, TableUpdateMode.Replace, cancellationToken), cancellationToken);
        return new CrmReassignment(CrmOutcome.Success, owner);
    }

    private static async Task<string> NextOwnerAsync(TableClient table, List<string> owners, string? current, CancellationToken cancellationToken)
    {
        while (true)
        {
            var cursor = await StorageCall.RunAsync(
                () => table.GetEntityIfExistsAsync<TableEntity>(CursorPartition, CursorRow, cancellationToken: cancellationToken), cancellationToken);
            var position = cursor.HasValue ? cursor.Value!.GetInt32("Next") ?? 0 : 0;
            var pick = position % owners.Count;
            if (owners.Count > 1 && string.Equals(owners[pick], current, StringComparison.OrdinalIgnoreCase))
            {
                pick = (pick + 1) % owners.Count;
            }

            var next = new TableEntity(CursorPartition, CursorRow) { ["Next"] = pick + 1 };
            try
            {
                await StorageCall.RunAsync(
                    () => cursor.HasValue
                        ? table.UpdateEntityAsync(next, cursor.Value!.ETag, TableUpdateMode.Replace, cancellationToken)
                        : table.AddEntityAsync(next, cancellationToken),
                    cancellationToken);
                return owners[pick];
            }
            catch (Azure.RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another reassignment moved the cursor first; take the next one.
            }
        }
    }

    /// <summary>Records sales activity the way a CRM user would (used by the sandbox callback endpoint).</summary>
    public Task<bool> RecordActivityAsync(string leadId, CrmLeadState state, DateTimeOffset? at, CancellationToken cancellationToken) =>
        SetStatusAsync(leadId, state switch
        {
            CrmLeadState.Contacted => SandboxCrmStatus.Working,
            CrmLeadState.Converted => SandboxCrmStatus.Converted,
            CrmLeadState.Disqualified => SandboxCrmStatus.NotConverted,
            CrmLeadState.Nurture => SandboxCrmStatus.Nurture,
            _ => SandboxCrmStatus.Open,
        }, at ?? timeProvider.GetUtcNow(), cancellationToken);

    private async Task<bool> SetStatusAsync(string leadId, string status, DateTimeOffset? touchedAt, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.SandboxCrm, cancellationToken);
        var record = await ReadAsync(table, leadId, cancellationToken);
        if (record is null)
        {
            return false;
        }

        record["Status"] = status;
        if (touchedAt is not null && record.GetDateTimeOffset("FirstTouchAt") is null)
        {
            record["FirstTouchAt"] = touchedAt;
        }

        record["Attempts"] = (record.GetInt32("Attempts") ?? 0) + (touchedAt is null ? 0 : 1);
        if (touchedAt is { } at)
        {
            record["AttemptTimes"] = $"{record.GetString("AttemptTimes")} {at.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)}".Trim();
        }

        record["UpdatedAt"] = timeProvider.GetUtcNow();
        await StorageCall.RunAsync(() => table.UpsertEntityAsync(record, TableUpdateMode.Replace, cancellationToken), cancellationToken);
        return true;
    }

    private static List<DateTimeOffset> ParseTimes(string? value) =>
        [.. (value ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => long.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null)
            .OfType<DateTimeOffset>()
            .Order()];

    /// <summary>Deletes the record keyed by the LeadSync id, as the real adapters delete by external id.</summary>
    public async Task<TargetErasure> EraseAsync(ErasureIdentity subject, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.SandboxCrm, cancellationToken);
        var response = await StorageCall.RunAsync(
            () => table.DeleteEntityAsync(PartitionOf(subject.LeadId), subject.LeadId, Azure.ETag.All, cancellationToken), cancellationToken);
        return response.Status == 404 ? TargetErasure.NotFound("crm:" + Name) : TargetErasure.Erased("crm:" + Name);
    }

    private static async Task<TableEntity?> ReadAsync(TableClient table, string leadId, CancellationToken cancellationToken)
    {
        var response = await StorageCall.RunAsync(
            () => table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(leadId), leadId, cancellationToken: cancellationToken), cancellationToken);
        EntityReads.Add(TableNames.SandboxCrm, EntityReads.Point, response.HasValue ? 1 : 0);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>The partition holding <paramref name="leadId"/>'s record.</summary>
    public static string PartitionOf(string leadId) => string.Create(CultureInfo.InvariantCulture, $"{PartitionPrefix}{LeadShard.Of(leadId)}");
}
