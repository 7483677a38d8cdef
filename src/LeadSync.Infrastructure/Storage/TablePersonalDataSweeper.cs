namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Removes a subject's traces outside the lead partitions. Point work where the keys allow it (e-mail index partition =
/// the address's hash, outbox partition = lead id, dead letters filtered by lead id); the inbox (rows live only until
/// filed) and the quarantine (bounded by the retention job) are read whole and every row whose body, headers, URI or
/// lead ids name the subject is deleted. Report rows (<c>LeadsByDay</c>) and the due index hold no personal data and
/// stay; the sandbox CRM and nurture tables are erased through their targets.
/// </summary>
public sealed class TablePersonalDataSweeper(StorageClients clients) : IPersonalDataSweeper
{
    private const int ClaimRewriteAttempts = 8;

    public async Task<IReadOnlyDictionary<string, int>> EraseTracesAsync(ErasureNeedles needles, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["email-index"] = await EmailIndexAsync(needles, cancellationToken),
            ["inbox"] = await DeleteMatchingAsync(TableIntakeInbox.Table, null, needles, cancellationToken),
            ["quarantine"] = await DeleteMatchingAsync(TableQuarantineStore.Table, "q", needles, cancellationToken),
            ["outbox"] = await OutboxAsync(needles, cancellationToken),
            ["dead-letters"] = await DeadLettersAsync(needles, cancellationToken),
        };
        return counts.Where(c => c.Value > 0).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// The address's entries (counted: its delivery rows and the first delivery's entry on its claim), the rows
    /// deleted first, then the claim — last, and only if no filing rewrote it since the read: a delivery recorded
    /// meanwhile keeps its row and the claim that must go with it, without the erased entry the claim carried.
    /// </summary>
    private async Task<int> EmailIndexAsync(ErasureNeedles needles, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.LeadsByEmail, cancellationToken);
        var removed = 0;
        foreach (var email in needles.Emails)
        {
            var rows = await QueryAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {TableLeadEmailIndex.Partition(email)}"), cancellationToken);
            removed += TableLeadEmailIndex.EntriesOf(rows).Count;
            foreach (var row in rows.Where(r => r.RowKey != TableLeadEmailIndex.ClaimRow))
            {
                await StorageCall.RunAsync(() => table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken), cancellationToken);
            }

            foreach (var claim in rows.Where(r => r.RowKey == TableLeadEmailIndex.ClaimRow))
            {
                await EraseClaimAsync(table, claim, cancellationToken);
            }
        }

        return removed;
    }

    /// <summary>
    /// Deletes an address's claim as read. One rewritten since (a delivery recorded meanwhile merges into it) stays, but
    /// loses the first delivery's entry it carried when read: that lead is being erased. A claim inserted anew after
    /// another erasure deleted it carries a new lead's entry and stays as it is.
    /// </summary>
    internal static async Task EraseClaimAsync(TableClient table, TableEntity claim, CancellationToken cancellationToken)
    {
        var erased = TableLeadEmailIndex.FirstLeadOf(claim);
        try
        {
            await StorageCall.RunAsync(() => table.DeleteEntityAsync(claim.PartitionKey, claim.RowKey, claim.ETag, cancellationToken), cancellationToken);
            return;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            if (ex.Status == 404 || erased is null)
            {
                return;
            }
        }

        for (var attempt = 0; attempt < ClaimRewriteAttempts; attempt++)
        {
            var current = await StorageCall.RunAsync(() => table.GetEntityIfExistsAsync<TableEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken), cancellationToken);
            if (!current.HasValue || current.Value is not { } row || TableLeadEmailIndex.FirstLeadOf(row) != erased)
            {
                return;
            }

            try
            {
                var empty = new TableEntity(claim.PartitionKey, claim.RowKey);
                await StorageCall.RunAsync(() => table.UpdateEntityAsync(empty, row.ETag, TableUpdateMode.Replace, cancellationToken), cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Rewritten again between the read and the write: read it again.
            }
        }

        throw new InvalidOperationException($"The e-mail index claim kept changing during {ClaimRewriteAttempts} attempts to remove an erased lead's entry; the erasure can be requested again.");
    }

    private async Task<int> OutboxAsync(ErasureNeedles needles, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var leadId in needles.LeadIds)
        {
            removed += await DeleteWhereAsync(TableNames.Outbox, TableClient.CreateQueryFilter($"PartitionKey eq {leadId}"), _ => true, cancellationToken);
        }

        return removed;
    }

    /// <summary>Dead letters stay (they say a lead did not reach the CRM) but a reason quoting the subject is blanked.</summary>
    private async Task<int> DeadLettersAsync(ErasureNeedles needles, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableDeadLetterStore.Table, cancellationToken);
        var redacted = 0;
        foreach (var leadId in needles.LeadIds)
        {
            var rows = await QueryAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {"dl"} and LeadId eq {leadId}"), cancellationToken);
            foreach (var row in rows.Where(r => needles.Matches((r.GetString("Reason") ?? string.Empty).Replace(leadId, string.Empty, StringComparison.Ordinal))))
            {
                var update = new TableEntity(row.PartitionKey, row.RowKey) { ["Reason"] = TableLeadStore.ErasedDetail };
                await StorageCall.RunAsync(() => table.UpdateEntityAsync(update, ETag.All, TableUpdateMode.Merge, cancellationToken), cancellationToken);
                redacted++;
            }
        }

        return redacted;
    }

    private Task<int> DeleteMatchingAsync(string tableName, string? partition, ErasureNeedles needles, CancellationToken cancellationToken) =>
        DeleteWhereAsync(tableName, partition is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), row => Names(row, needles), cancellationToken);

    private static bool Names(TableEntity row, ErasureNeedles needles) =>
        needles.Matches(Encoding.UTF8.GetString(ChunkedProperties.Get(row, "Body", string.Empty))) ||
        needles.Matches(Encoding.UTF8.GetString(ChunkedProperties.Get(row, "Headers", "{}"))) ||
        needles.Matches(Encoding.UTF8.GetString(ChunkedProperties.Get(row, "Query", "{}"))) ||
        needles.Matches(row.GetString("RequestUri")) ||
        needles.Matches(row.GetString("LeadIds"));

    private async Task<int> DeleteWhereAsync(string tableName, string? filter, Func<TableEntity, bool> match, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(tableName, cancellationToken);
        var rows = await QueryAsync(table, filter, cancellationToken);
        var removed = 0;
        foreach (var row in rows.Where(match))
        {
            await StorageCall.RunAsync(() => table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken), cancellationToken);
            removed++;
        }

        return removed;
    }

    private static Task<List<TableEntity>> QueryAsync(TableClient table, string? filter, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(async () =>
        {
            var rows = new List<TableEntity>();
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                rows.Add(row);
            }

            return rows;
        }, cancellationToken);
}
