using Azure;
using Azure.Data.Tables;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class PartitionWriteCoalescerTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_lone_upsert_goes_at_once_as_a_plain_upsert()
    {
        var table = new HeldTableClient(holdFirstCall: false);
        var writer = new PartitionWriteCoalescer(table);

        await writer.UpsertAsync(Row("p", "a"), CancellationToken.None).WaitAsync(HangGuard);

        Assert.Equal("a", Assert.Single(Assert.Single(table.Calls)).RowKey);
    }

    [Fact]
    public async Task Upserts_queued_behind_a_write_to_their_partition_go_together_in_transactions_of_at_most_100()
    {
        var table = new HeldTableClient(holdFirstCall: true);
        var writer = new PartitionWriteCoalescer(table);

        var first = writer.UpsertAsync(Row("p", "first"), CancellationToken.None);
        await table.FirstCallStarted.WaitAsync(HangGuard);
        var queued = Enumerable.Range(0, 150).Select(i => writer.UpsertAsync(Row("p", $"r{i:D3}"), CancellationToken.None)).ToList();
        Assert.All(queued, t => Assert.False(t.IsCompleted));
        table.Release();
        await Task.WhenAll(queued.Append(first)).WaitAsync(HangGuard);

        Assert.Equal([1, 100, 50], table.Calls.Select(c => c.Count));
        Assert.Equal(151, table.Calls.SelectMany(c => c).Select(r => r.RowKey).Distinct().Count());
    }

    [Fact]
    public async Task Partitions_are_written_independently()
    {
        var table = new HeldTableClient(holdFirstCall: true);
        var writer = new PartitionWriteCoalescer(table);

        var held = writer.UpsertAsync(Row("p", "a"), CancellationToken.None);
        await table.FirstCallStarted.WaitAsync(HangGuard);
        await writer.UpsertAsync(Row("q", "b"), CancellationToken.None).WaitAsync(HangGuard);

        Assert.False(held.IsCompleted);
        table.Release();
        await held.WaitAsync(HangGuard);
    }

    [Fact]
    public async Task The_same_row_queued_twice_is_written_once_with_the_later_values()
    {
        var table = new HeldTableClient(holdFirstCall: true);
        var writer = new PartitionWriteCoalescer(table);

        var first = writer.UpsertAsync(Row("p", "first"), CancellationToken.None);
        await table.FirstCallStarted.WaitAsync(HangGuard);
        var older = writer.UpsertAsync(Row("p", "a", "old"), CancellationToken.None);
        var newer = writer.UpsertAsync(Row("p", "a", "new"), CancellationToken.None);
        var other = writer.UpsertAsync(Row("p", "b"), CancellationToken.None);
        table.Release();
        await Task.WhenAll(first, older, newer, other).WaitAsync(HangGuard);

        var second = table.Calls.ElementAt(1);
        Assert.Equal(2, second.Count);
        Assert.Equal("new", Assert.Single(second, r => r.RowKey == "a").GetString("Value"));
    }

    [Fact]
    public async Task A_failed_write_fails_every_caller_of_that_batch()
    {
        var table = new HeldTableClient(holdFirstCall: true) { Failure = new RequestFailedException(503, "Server busy") };
        var writer = new PartitionWriteCoalescer(table);

        var first = writer.UpsertAsync(Row("p", "first"), CancellationToken.None);
        await table.FirstCallStarted.WaitAsync(HangGuard);
        var queued = new[] { writer.UpsertAsync(Row("p", "a"), CancellationToken.None), writer.UpsertAsync(Row("p", "b"), CancellationToken.None) };
        table.Release();

        foreach (var call in queued.Append(first))
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(() => call.WaitAsync(HangGuard));
        }

        // The partition is free again: the next upsert is written.
        table.Failure = null;
        await writer.UpsertAsync(Row("p", "c"), CancellationToken.None).WaitAsync(HangGuard);
        Assert.Equal("c", table.Calls.Last().Single().RowKey);
    }

    [Fact]
    public async Task A_caller_that_stops_waiting_does_not_stop_the_write_for_the_others()
    {
        var table = new HeldTableClient(holdFirstCall: true);
        var writer = new PartitionWriteCoalescer(table);
        using var cancel = new CancellationTokenSource();

        var first = writer.UpsertAsync(Row("p", "first"), CancellationToken.None);
        await table.FirstCallStarted.WaitAsync(HangGuard);
        var cancelled = writer.UpsertAsync(Row("p", "a"), cancel.Token);
        var other = writer.UpsertAsync(Row("p", "b"), CancellationToken.None);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(HangGuard));
        table.Release();

        await Task.WhenAll(first, other).WaitAsync(HangGuard);
        Assert.Contains(table.Calls, c => c.Any(r => r.RowKey == "b"));
    }

    [Fact]
    public async Task Under_steady_traffic_the_first_write_of_a_group_lingers_and_takes_the_writes_that_arrive_meanwhile()
    {
        var table = new HeldTableClient(holdFirstCall: false);
        var writer = new PartitionWriteCoalescer(table, TableTransactionActionType.UpsertReplace, TimeSpan.FromMilliseconds(300));

        // Idle: the first write goes at once, alone.
        await writer.UpsertAsync(Row("p", "idle"), CancellationToken.None).WaitAsync(HangGuard);
        Assert.Single(Assert.Single(table.Calls));

        // Within a second of it: the next group waits the linger, so writes arriving one by one share its transaction.
        var group = new List<Task>();
        for (var i = 0; i < 5; i++)
        {
            group.Add(writer.UpsertAsync(Row("p", $"r{i}"), CancellationToken.None));
            await Task.Delay(20);
        }

        await Task.WhenAll(group).WaitAsync(HangGuard);
        Assert.Equal([1, 5], table.Calls.Select(c => c.Count));
    }

    [Fact]
    public async Task Deletes_of_one_partition_share_a_transaction_and_a_row_already_gone_is_answered_missing()
    {
        var table = new TableClient(azurite.ConnectionString, $"coalesce{Guid.NewGuid():N}"[..20]);
        await table.CreateAsync();
        foreach (var row in new[] { "a", "b", "d" })
        {
            await table.AddEntityAsync(Row("p", row));
        }

        var writer = new PartitionWriteCoalescer(table, TableTransactionActionType.Delete, TimeSpan.FromMilliseconds(300));
        Assert.True(await writer.DeleteAsync("p", "d", CancellationToken.None).WaitAsync(HangGuard));

        var removed = await Task.WhenAll(new[] { "a", "gone", "b" }.Select(r => writer.DeleteAsync("p", r, CancellationToken.None))).WaitAsync(HangGuard);

        Assert.Equal([true, false, true], removed);
        Assert.Empty(await table.QueryAsync<TableEntity>().ToListAsync());
        Assert.False(await writer.DeleteAsync("q", "never", CancellationToken.None).WaitAsync(HangGuard));
    }

    [Fact]
    public async Task A_batch_of_deletes_whose_rows_are_mostly_gone_goes_one_by_one_after_a_few_misses()
    {
        // A hand-off's hints removed after their job already read them: a transaction fails at its first missing row,
        // so dropping one row per failed transaction would cost a request per row with up to 100 rows in each.
        var table = new TableClient(azurite.ConnectionString, $"coalesce{Guid.NewGuid():N}"[..20]);
        await table.CreateAsync();
        var stored = new[] { "r07", "r33" };
        foreach (var row in stored)
        {
            await table.AddEntityAsync(Row("p", row));
        }

        var transactions = 0;
        using var counting = new HttpRequestsSent((request, _) =>
        {
            if (request.RequestUri is { } uri && uri.Port == table.Uri.Port && uri.AbsolutePath.EndsWith("$batch", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref transactions);
            }
        });
        var writer = new PartitionWriteCoalescer(table, TableTransactionActionType.Delete, TimeSpan.FromMilliseconds(300));
        var rows = Enumerable.Range(0, 40).Select(i => $"r{i:D2}").ToList();

        var removed = await Task.WhenAll(rows.Select(r => writer.DeleteAsync("p", r, CancellationToken.None))).WaitAsync(HangGuard);

        Assert.Equal(rows.Select(stored.Contains), removed);
        Assert.Empty(await table.QueryAsync<TableEntity>().ToListAsync());

        // At most a first transaction and three failed ones (each dropping a missing row), then one request per row left;
        // before, a failed transaction of 39 rows, then of 38, of 37, … for every missing row.
        Assert.InRange(transactions, 1, 4);
    }

    private static TableEntity Row(string partition, string row, string value = "v") => new(partition, row) { ["Value"] = value };
}
