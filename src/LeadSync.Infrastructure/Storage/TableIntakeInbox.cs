namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// The intake inbox in table <c>IntakeInbox</c>: one entity per accepted delivery, row key = its id (arrival ticks
/// first, so a scan reads oldest first), partition = the arrival second (the id's first 12 digits). Filed deliveries are
/// removed through a delete group commit (<see cref="PartitionWriteCoalescer"/>): those of one second leave in one
/// transaction, not one request each. A second's partition takes one second of inserts (Azure serves about 2,000
/// entities/s per partition, more than one host answers). Body, headers and query are chunked binary properties. Rows
/// live from the 202 until filed. Rows stored before the second partitions (partition = id, or before that the id's
/// last hex digit) are still read and removed.
/// </summary>
public sealed class TableIntakeInbox(StorageClients clients) : IIntakeInbox
{
    public const string Table = "IntakeInbox";

    /// <summary>Digits of the 19-digit tick prefix that name the second (10⁷ ticks a second).</summary>
    private const int SecondDigits = 12;

    public async Task AddAsync(InboxDelivery delivery, CancellationToken cancellationToken)
    {
        var table = await clients.RequestPathTableAsync(Table, cancellationToken);
        try
        {
            await StorageCall.RunAsync(() => table.AddEntityAsync(ToEntity(delivery), cancellationToken), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Ids are unique per arrival: a conflict is the SDK's retry of an insert whose answer was lost, i.e. stored.
        }
    }

    public async Task<IReadOnlyList<InboxDelivery>> ListAsync(DateTimeOffset receivedBefore, int max, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(Table, cancellationToken);
        var bound = receivedBefore.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        return await StorageCall.RunAsync(async () =>
        {
            var found = new List<InboxDelivery>();
            await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey lt {bound}"), maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
            {
                found.Add(FromEntity(row));
                if (found.Count >= max)
                {
                    break;
                }
            }

            return (IReadOnlyList<InboxDelivery>)found;
        }, cancellationToken);
    }

    public async Task<InboxDelivery?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var table = await clients.TableAsync(Table, cancellationToken);
        var row = await StorageCall.RunAsync(() => table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(id), id, cancellationToken: cancellationToken), cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : await GetStoredBeforeSecondsAsync(table, id, cancellationToken);
    }

    /// <summary>
    /// One range query per arrival second (the ids' partition, from the oldest to the newest id asked for), so reading
    /// back a backlog costs a read per second, not per delivery; an id not found there is looked for where rows of
    /// earlier layouts are.
    /// </summary>
    public async Task<IReadOnlyList<InboxDelivery>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var table = await clients.TableAsync(Table, cancellationToken);
        var found = new List<InboxDelivery>(ids.Count);
        foreach (var second in ids.Distinct(StringComparer.Ordinal).GroupBy(PartitionOf, StringComparer.Ordinal))
        {
            var wanted = second.Order(StringComparer.Ordinal).ToList();
            var stored = (await ReadRangeAsync(table, second.Key, wanted[0], wanted[^1], cancellationToken))
                .Where(row => wanted.BinarySearch(row.RowKey, StringComparer.Ordinal) >= 0).Select(FromEntity).ToList();
            found.AddRange(stored);
            foreach (var missing in wanted.Except(stored.Select(d => d.Id), StringComparer.Ordinal))
            {
                if (await GetStoredBeforeSecondsAsync(table, missing, cancellationToken) is { } legacy)
                {
                    found.Add(legacy);
                }
            }
        }

        return found;
    }

    /// <summary>The rows of one arrival second from <paramref name="firstId"/> to <paramref name="lastId"/>, others that arrived in between too.</summary>
    private static Task<List<TableEntity>> ReadRangeAsync(TableClient table, string partition, string firstId, string lastId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {firstId} and RowKey le {lastId}");
        return StorageCall.RunAsync(async () =>
        {
            var rows = new List<TableEntity>();
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                rows.Add(row);
            }

            return rows;
        }, cancellationToken);
    }

    /// <summary>A row stored before the second partitions, under partition = id (or the id is already filed: one more read in that rare case).</summary>
    private static async Task<InboxDelivery?> GetStoredBeforeSecondsAsync(TableClient table, string id, CancellationToken cancellationToken)
    {
        if (PartitionOf(id) == id)
        {
            return null;
        }

        var row = await StorageCall.RunAsync(() => table.GetEntityIfExistsAsync<TableEntity>(id, id, cancellationToken: cancellationToken), cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var table = await clients.TableAsync(Table, cancellationToken);

        if (await clients.DeleteCoalescedAsync(table, PartitionOf(id), id, cancellationToken))
        {
            return;
        }

        // Rows stored before the second partitions had partition = id, and before that one of 16 partitions by the
        // id's last hex digit; such a row must still go once filed. A 404 everywhere: already removed (filed twice).
        // The SDK answers a delete of a missing row with its 404 response instead of throwing.
        foreach (var legacy in new[] { id, id[^1..] }.Where(p => p != PartitionOf(id)))
        {
            var removed = await StorageCall.RunAsync(() => table.DeleteEntityAsync(legacy, id, ETag.All, cancellationToken), cancellationToken);
            if (removed.Status != 404)
            {
                return;
            }
        }
    }

    /// <summary>The entity the request path inserts for <paramref name="delivery"/> (public for the ingest benchmark's raw side).</summary>
    public static TableEntity ToEntity(InboxDelivery delivery)
    {
        var webhook = delivery.Webhook;
        var entity = new TableEntity(PartitionOf(delivery.Id), delivery.Id)
        {
            ["Source"] = webhook.Source,
            ["ReceivedAt"] = delivery.ReceivedAt,
            ["Method"] = webhook.Method,
            ["ContentType"] = webhook.ContentType,
            ["RequestUri"] = webhook.RequestUri.ToString(),
        };
        ChunkedProperties.Put(entity, "Body", webhook.Body.ToArray());
        ChunkedProperties.Put(entity, "Headers", JsonSerializer.SerializeToUtf8Bytes(webhook.Headers));
        ChunkedProperties.Put(entity, "Query", JsonSerializer.SerializeToUtf8Bytes(webhook.Query));
        return entity;
    }

    /// <summary>The arrival second: the first 12 of the id's 19 tick digits (an id of another shape is its own partition).</summary>
    public static string PartitionOf(string id) =>
        id.Length > SecondDigits && id[..SecondDigits].All(char.IsAsciiDigit) ? id[..SecondDigits] : id;

    private static InboxDelivery FromEntity(TableEntity e) => new(
        e.RowKey,
        e.GetDateTimeOffset("ReceivedAt") ?? default,
        new InboundWebhook
        {
            Source = e.GetString("Source") ?? string.Empty,
            Method = e.GetString("Method") ?? "POST",
            RequestUri = new Uri(e.GetString("RequestUri") ?? "http://localhost/"),
            ContentType = e.GetString("ContentType"),
            Body = ChunkedProperties.Get(e, "Body", string.Empty),
            Headers = new Dictionary<string, string>(
                JsonSerializer.Deserialize<Dictionary<string, string>>(ChunkedProperties.Get(e, "Headers", "{}")) ?? [], StringComparer.OrdinalIgnoreCase),
            Query = JsonSerializer.Deserialize<Dictionary<string, string>>(ChunkedProperties.Get(e, "Query", "{}")) ?? [],
        });
}
