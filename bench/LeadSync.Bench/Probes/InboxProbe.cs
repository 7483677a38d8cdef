using System.Diagnostics;
using Azure.Data.Tables;
using LeadSync.Infrastructure.Storage;

namespace LeadSync.Bench.Probes;

/// <summary>Watches the host's <c>IntakeInbox</c> table: accepted deliveries not yet filed as leads.</summary>
public static class InboxProbe
{
    public static async Task<int> CountAsync(string connectionString, CancellationToken cancellationToken)
    {
        var table = new TableClient(connectionString, TableIntakeInbox.Table);
        await table.CreateIfNotExistsAsync(cancellationToken);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"], maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }

    /// <summary>Polls until the inbox is empty or <paramref name="patience"/> runs out: how long it waited, and what is left.</summary>
    public static async Task<(TimeSpan Waited, int Left)> WaitEmptyAsync(string connectionString, TimeSpan patience, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var left = await CountAsync(connectionString, cancellationToken);
            if (left == 0 || clock.Elapsed >= patience)
            {
                return (clock.Elapsed, left);
            }

            await Task.Delay(500, cancellationToken);
        }
    }
}
