namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Table <c>LeadsByDay</c>: partition = UTC day the lead cycle started and the lead's shard (<c>yyyyMMdd|{shard}</c>:
/// <see cref="Lead.IndexShard"/>, the second of the hour the lead was created (<see cref="LeadShard.OfSecond"/>, 0 … 3,599),
/// so the rows of leads filed — and mostly synced — together share transactions and a partition holds only the leads of
/// 24 seconds of its day; 0 … 7 for leads stored by earlier builds (the second modulo 8, or <see cref="LeadShard.Of"/>
/// the id), row = lead id, holding only
/// what the funnel report needs (no contact data; vendor test leads marked <c>IsTest</c>). <see cref="TableLeadStore"/> upserts the row after every lead
/// write: one extra entity write per lead write (rows of one day written at the same time share a transaction, see
/// <see cref="PartitionWriteCoalescer"/>), preceded by the day's mark for the report rollups (<see cref="FunnelDayMarks"/>,
/// at most one per day and process every few seconds); reports read day rollups (<see cref="TableFunnelDays"/>), which
/// read the partitions of a day with one range query when it changed. Rows lost between the two writes are rebuilt by
/// FunnelRowRepair (the re-drive timer and the report-backfill job).
/// </summary>
public sealed class TableFunnelIndex(StorageClients clients) : IFunnelIndex
{
    private const string DayFormat = "yyyyMMdd";

    /// <summary>One partition-range query: the shards of a day sort together, and the days in order.</summary>
    public async Task<IReadOnlyList<FunnelRow>> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.LeadsByDay, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {Day(from)} and PartitionKey lt {Day(to.AddDays(1))}");
        return await StorageCall.RunAsync(async () =>
        {
            var rows = new List<FunnelRow>();
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                rows.Add(ToRow(row, DateOnly.ParseExact(row.PartitionKey.AsSpan(0, DayFormat.Length), DayFormat, CultureInfo.InvariantCulture)));
            }

            EntityReads.Add(TableNames.LeadsByDay, EntityReads.Query, rows.Count);
            return rows;
        }, cancellationToken);
    }

    public async Task<StoredFunnelRow?> GetAsync(DateOnly day, string leadId, int? indexShard, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.LeadsByDay, cancellationToken);
        var response = await StorageCall.RunAsync(
            () => table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(day, leadId, indexShard), leadId, cancellationToken: cancellationToken), cancellationToken);
        return response.HasValue ? new StoredFunnelRow(ToRow(response.Value!, day), response.Value!.ETag.ToString()) : null;
    }

    public async Task<bool> TryWriteAsync(FunnelRow row, int? indexShard, string? expectedETag, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.LeadsByDay, cancellationToken);
        var entity = ToEntity(row, indexShard);
        var marked = await clients.DayMarks.BeforeWriteAsync(row.Day, cancellationToken);
        try
        {
            await StorageCall.RunAsync(
                () => expectedETag is null
                    ? table.AddEntityAsync(entity, cancellationToken)
                    : table.UpdateEntityAsync(entity, new ETag(expectedETag), TableUpdateMode.Replace, cancellationToken),
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return false;
        }
        finally
        {
            await clients.DayMarks.AfterWriteAsync(row.Day, marked);
        }
    }

    internal static async Task UpsertAsync(StorageClients clients, Lead lead, CancellationToken cancellationToken)
    {
        // Vendor test leads (e.g. Google Ads is_test) get a row marked IsTest: reports leave them out unless asked.
        var table = await clients.TableAsync(TableNames.LeadsByDay, cancellationToken);
        var row = FunnelRow.From(lead);
        var entity = ToEntity(row, lead.IndexShard);

        // The day's mark goes first, so a report rollup of the day built before this row is stored is not trusted.
        var marked = await clients.DayMarks.BeforeWriteAsync(row.Day, cancellationToken);
        try
        {
            await clients.UpsertCoalescedAsync(table, entity, cancellationToken);
        }
        finally
        {
            await clients.DayMarks.AfterWriteAsync(row.Day, marked);
        }
    }

    private static TableEntity ToEntity(FunnelRow row, int? indexShard) => new(PartitionOf(row.Day, row.LeadId, indexShard), row.LeadId)
    {
        ["Source"] = row.Source,
        ["Campaign"] = row.Campaign,
        ["Owner"] = row.Owner,
        ["Team"] = row.Team,
        ["IsTest"] = row.IsTest ? true : null,
        ["Status"] = row.Status.ToString(),
        ["ReceivedAt"] = row.ReceivedAt,
        ["SyncedAt"] = row.SyncedAt,
        ["FirstTouchAt"] = row.FirstTouchAt,
        ["SlaDueAt"] = row.SlaDueAt,
        ["BusinessMinutesToFirstTouch"] = row.BusinessMinutesToFirstTouch,
        ["SlaMet"] = row.SlaMet,
        ["EscalationLevel"] = row.EscalationLevel,
        ["RecycleReason"] = row.RecycleReason,
        ["CloseReason"] = row.CloseReason,
        ["ReEngagedCount"] = row.ReEngagedCount,
        ["AdditionalTouches"] = row.AdditionalTouches,
        ["Attempts"] = row.Attempts,
        ["CheckpointsMet"] = row.CheckpointsMet,
        ["CheckpointsMissed"] = row.CheckpointsMissed,
    };

    /// <summary>
    /// The partition the row of <paramref name="leadId"/>'s cycle started on <paramref name="day"/> is under: the lead's
    /// <see cref="Lead.IndexShard"/>, or the shard of its id for a lead stored before the store chose one.
    /// </summary>
    public static string PartitionOf(DateOnly day, string leadId, int? indexShard) => Partition(day, indexShard ?? LeadShard.Of(leadId));

    private static string Partition(DateOnly day, int shard) => string.Create(CultureInfo.InvariantCulture, $"{Day(day)}|{shard}");

    private static string Day(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    private static FunnelRow ToRow(TableEntity e, DateOnly day) => new()
    {
        LeadId = e.RowKey,
        Day = day,
        Source = e.GetString("Source") ?? string.Empty,
        Campaign = e.GetString("Campaign"),
        Owner = e.GetString("Owner"),
        Team = e.GetString("Team"),
        IsTest = e.GetBoolean("IsTest") ?? false,
        Status = Enum.TryParse<LeadStatus>(e.GetString("Status"), out var status) ? status : LeadStatus.Received,
        ReceivedAt = e.GetDateTimeOffset("ReceivedAt") ?? default,
        SyncedAt = e.GetDateTimeOffset("SyncedAt"),
        FirstTouchAt = e.GetDateTimeOffset("FirstTouchAt"),
        SlaDueAt = e.GetDateTimeOffset("SlaDueAt"),
        BusinessMinutesToFirstTouch = e.GetInt32("BusinessMinutesToFirstTouch"),
        SlaMet = e.GetBoolean("SlaMet"),
        EscalationLevel = e.GetInt32("EscalationLevel") ?? 0,
        RecycleReason = e.GetString("RecycleReason"),
        CloseReason = e.GetString("CloseReason"),
        ReEngagedCount = e.GetInt32("ReEngagedCount") ?? 0,
        AdditionalTouches = e.GetInt32("AdditionalTouches") ?? 0,
        Attempts = e.GetInt32("Attempts") ?? 0,
        CheckpointsMet = e.GetInt32("CheckpointsMet") ?? 0,
        CheckpointsMissed = e.GetInt32("CheckpointsMissed") ?? 0,
    };
}
