using Azure;
using Azure.Data.Tables;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Storage;

namespace LeadSync.Integration.Tests.Storage;

public sealed class PartitionWriteCoalescerTests
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

    private static TableEntity Row(string partition, string row, string value = "v") => new(partition, row) { ["Value"] = value };
}
