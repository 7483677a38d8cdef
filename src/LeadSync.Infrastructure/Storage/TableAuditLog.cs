using LeadSync.Core.Admin.Audit;

namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// The audit log in table <c>AuditLog</c>: one partition per month, keyed so the table's own order (partition, then
/// row) is newest first — partition = 999999 − yyyyMM, row = the entry id (inverted ticks, see <see cref="AuditKeys"/>).
/// A page is one range query (time range on the row key, action and actor as filters); the continuation token is the
/// last id returned, so the next page starts strictly after it.
/// </summary>
public sealed class TableAuditLog(StorageClients clients) : IAuditLog
{
    public const string Table = "AuditLog";

    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(Table, cancellationToken);
        var row = new TableEntity(PartitionOf(entry.At), entry.Id)
        {
            ["At"] = entry.At,
            ["Actor"] = entry.Actor,
            ["Action"] = entry.Action,
            ["Target"] = entry.Target,
            ["Status"] = entry.Status,
            ["Outcome"] = entry.Outcome,
            ["CompletedAt"] = entry.CompletedAt,
        };
        await StorageCall.RunAsync(() => table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken), cancellationToken);
    }

    public bool IsContinuationToken(string token) => AuditKeys.IsId(token);

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(Table, cancellationToken);
        var filter = Filter(query);
        var size = Math.Clamp(query.PageSize, 1, 500);
        return await StorageCall.RunAsync(async () =>
        {
            var entries = new List<AuditEntry>(size + 1);
            await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(1000, size + 1), cancellationToken: cancellationToken))
            {
                entries.Add(FromEntity(row));
                if (entries.Count > size)
                {
                    break;
                }
            }

            var more = entries.Count > size;
            if (more)
            {
                entries.RemoveAt(entries.Count - 1);
            }

            return new AuditPage(entries, more ? entries[^1].Id : null);
        }, cancellationToken);
    }

    /// <summary>Month partitions in descending time order: a later month gives a smaller key.</summary>
    public static string PartitionOf(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return (999_999 - ((utc.Year * 100) + utc.Month)).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static string? Filter(AuditQuery query)
    {
        var parts = new List<string>();
        if (query.ContinuationToken is { } token)
        {
            parts.Add(TableClient.CreateQueryFilter($"PartitionKey ge {PartitionOf(AuditKeys.StartedAt(token))}"));
            parts.Add(TableClient.CreateQueryFilter($"RowKey gt {token}"));
        }

        if (query.To is { } upper)
        {
            // Entries before `upper`: their inverted ticks are greater than upper's.
            parts.Add(TableClient.CreateQueryFilter($"PartitionKey ge {PartitionOf(upper)}"));
            parts.Add(TableClient.CreateQueryFilter($"RowKey gt {AuditKeys.InvertedTicks(upper) + "~"}"));
        }

        if (query.From is { } from)
        {
            // Entries at or after `from`: their inverted ticks are at most from's.
            parts.Add(TableClient.CreateQueryFilter($"PartitionKey le {PartitionOf(from)}"));
            parts.Add(TableClient.CreateQueryFilter($"RowKey lt {AuditKeys.InvertedTicks(from) + "~"}"));
        }

        if (query.Action is { } action)
        {
            parts.Add(TableClient.CreateQueryFilter($"Action eq {action}"));
        }

        if (query.Actor is { } actor)
        {
            parts.Add(TableClient.CreateQueryFilter($"Actor eq {actor}"));
        }

        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }

    private static AuditEntry FromEntity(TableEntity e) => new()
    {
        Id = e.RowKey,
        At = e.GetDateTimeOffset("At") ?? AuditKeys.StartedAt(e.RowKey),
        Actor = e.GetString("Actor") ?? string.Empty,
        Action = e.GetString("Action") ?? string.Empty,
        Target = e.GetString("Target") ?? string.Empty,
        Status = e.GetString("Status") ?? AuditStatus.Started,
        Outcome = e.GetString("Outcome") ?? AuditStatus.Started,
        CompletedAt = e.GetDateTimeOffset("CompletedAt"),
    };
}
