using System.Globalization;
using Azure;
using Azure.Data.Tables;
using LeadSync.Core.Leads;
using LeadSync.Core.Reports;

namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Table <c>LeadsByDay</c>: partition = UTC day the lead cycle started (<c>yyyyMMdd</c>), row = lead id, holding only
/// what the funnel report needs (no contact data). <see cref="TableLeadStore"/> upserts the row after every lead
/// write: one extra entity write per lead write; a report reads one partition per day in its range. Rows lost between
/// the two writes are rebuilt by FunnelRowRepair (the re-drive timer and the report-backfill job).
/// </summary>
public sealed class TableFunnelIndex(StorageClients clients) : IFunnelIndex
{
    private const string DayFormat = "yyyyMMdd";

    public async Task<IReadOnlyList<FunnelRow>> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.LeadsByDay, cancellationToken);
        var rows = new List<FunnelRow>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(day)}");
            var found = await StorageCall.RunAsync(async () =>
            {
                var list = new List<FunnelRow>();
                await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
                {
                    list.Add(ToRow(row, day));
                }

                return list;
            }, cancellationToken);
            rows.AddRange(found);
        }

        return rows;
    }

    public async Task<StoredFunnelRow?> GetAsync(DateOnly day, string leadId, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.LeadsByDay, cancellationToken);
        var response = await StorageCall.RunAsync(
            () => table.GetEntityIfExistsAsync<TableEntity>(Partition(day), leadId, cancellationToken: cancellationToken), cancellationToken);
        return response.HasValue ? new StoredFunnelRow(ToRow(response.Value!, day), response.Value!.ETag.ToString()) : null;
    }

    public async Task<bool> TryWriteAsync(FunnelRow row, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var table = await clients.TableAsync(TableNames.LeadsByDay, cancellationToken);
        var entity = ToEntity(row);
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
    }

    internal static async Task UpsertAsync(StorageClients clients, Lead lead, CancellationToken cancellationToken)
    {
        if (lead.IsTest)
        {
            // Vendor test leads (e.g. Google Ads is_test) are kept out of the closed-loop report.
            return;
        }

        var table = await clients.TableAsync(TableNames.LeadsByDay, cancellationToken);
        var entity = ToEntity(FunnelRow.From(lead));
        await StorageCall.RunAsync(() => table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken), cancellationToken);
    }

    /// <summary>As <see cref="UpsertAsync(StorageClients, Lead, CancellationToken)"/>, grouped with concurrent writes (see <see cref="FunnelRowWriter"/>).</summary>
    internal static Task UpsertAsync(FunnelRowWriter writer, Lead lead, CancellationToken cancellationToken) =>
        lead.IsTest ? Task.CompletedTask : writer.WriteAsync(ToEntity(FunnelRow.From(lead)), cancellationToken);

    private static TableEntity ToEntity(FunnelRow row) => new(Partition(row.Day), row.LeadId)
    {
        ["Source"] = row.Source,
        ["Campaign"] = row.Campaign,
        ["Owner"] = row.Owner,
        ["Status"] = row.Status.ToString(),
        ["ReceivedAt"] = row.ReceivedAt,
        ["SyncedAt"] = row.SyncedAt,
        ["FirstTouchAt"] = row.FirstTouchAt,
        ["SlaDueAt"] = row.SlaDueAt,
        ["EscalationLevel"] = row.EscalationLevel,
        ["RecycleReason"] = row.RecycleReason,
        ["CloseReason"] = row.CloseReason,
        ["ReEngagedCount"] = row.ReEngagedCount,
    };

    private static string Partition(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    private static FunnelRow ToRow(TableEntity e, DateOnly day) => new()
    {
        LeadId = e.RowKey,
        Day = day,
        Source = e.GetString("Source") ?? string.Empty,
        Campaign = e.GetString("Campaign"),
        Owner = e.GetString("Owner"),
        Status = Enum.TryParse<LeadStatus>(e.GetString("Status"), out var status) ? status : LeadStatus.Received,
        ReceivedAt = e.GetDateTimeOffset("ReceivedAt") ?? default,
        SyncedAt = e.GetDateTimeOffset("SyncedAt"),
        FirstTouchAt = e.GetDateTimeOffset("FirstTouchAt"),
        SlaDueAt = e.GetDateTimeOffset("SlaDueAt"),
        EscalationLevel = e.GetInt32("EscalationLevel") ?? 0,
        RecycleReason = e.GetString("RecycleReason"),
        CloseReason = e.GetString("CloseReason"),
        ReEngagedCount = e.GetInt32("ReEngagedCount") ?? 0,
    };
}
