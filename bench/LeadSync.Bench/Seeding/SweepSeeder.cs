using System.Globalization;
using Azure.Data.Tables;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Storage;

namespace LeadSync.Bench.Seeding;

/// <summary>
/// Seeds the Leads and DueIndex tables directly, in the shapes TableLeadStore and TableDueIndex write: synced leads
/// whose SLA hints lie in future hour buckets (stored, not due), and leads whose first escalation is due now.
/// </summary>
public sealed class SweepSeeder(TableServiceClient service)
{
    /// <summary>Future hour buckets the stored leads' hints are spread over (30 days), starting two hours ahead.</summary>
    public const int FutureBuckets = 720;

    private const int PerTransaction = 100;

    private readonly TableClient _leads = service.GetTableClient(TableNames.Leads);
    private readonly TableClient _dueIndex = service.GetTableClient(TableNames.DueIndex);

    public async Task CreateTablesAsync(CancellationToken cancellationToken)
    {
        await _leads.CreateIfNotExistsAsync(cancellationToken);
        await _dueIndex.CreateIfNotExistsAsync(cancellationToken);
    }

    /// <summary>Stored leads <paramref name="from"/>…<paramref name="to"/> (exclusive); blocks of 100 share a future hour.</summary>
    public async Task SeedStoredAsync(int from, int to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var firstHour = Hour(now).AddHours(2);
        var blocks = Enumerable.Range(0, (to - from + PerTransaction - 1) / PerTransaction).ToArray();
        await Parallel.ForEachAsync(blocks, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (b, ct) =>
        {
            var start = from + b * PerTransaction;
            var end = Math.Min(to, start + PerTransaction);
            var hour = firstHour.AddHours(start / PerTransaction % FutureBuckets);
            var leads = Enumerable.Range(start, end - start)
                .Select(n => Synced(BenchLeads.Create("stored", n, LeadStatus.Synced, now.AddDays(-1)), now.AddDays(-1), hour.AddSeconds(n % 3600)))
                .ToList();
            await InsertLeadsAsync(leads, ct);
            await IndexAsync(leads, hour, ct);
        });
    }

    /// <summary><paramref name="count"/> leads whose first escalation level is due now, filed under the current hour.</summary>
    public async Task SeedDueAsync(string tag, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leads = Enumerable.Range(0, count)
            .Select(n => Synced(BenchLeads.Create(tag, n, LeadStatus.Synced, now.AddHours(-2)), now.AddHours(-2), now.AddMinutes(-1)))
            .ToList();
        await InsertLeadsAsync(leads, cancellationToken);
        foreach (var chunk in leads.Chunk(PerTransaction))
        {
            await IndexAsync(chunk, Hour(now), cancellationToken);
        }
    }

    private static Lead Synced(Lead lead, DateTimeOffset syncedAt, DateTimeOffset slaDueAt) => lead with
    {
        SyncedAt = syncedAt,
        StatusChangedAt = syncedAt,
        SlaDueAt = slaDueAt,
        CrmId = "sbx_" + lead.Id[3..],
        Owner = "owner@example.com",
        SyncAttempts = 1,
    };

    private async Task InsertLeadsAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken) =>
        // One partition per lead (as TableLeadStore stores them), so every lead is its own insert.
        await Parallel.ForEachAsync(leads, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (lead, ct) =>
        {
            try
            {
                await _leads.AddEntityAsync(LeadEntityMapper.ToEntity(lead), ct);
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 409)
            {
                // Seeded by an earlier attempt of the same block.
            }
        });

    /// <summary>Due-index rows as TableDueIndex files them: one transaction per partition (hour and due-second shard).</summary>
    private async Task IndexAsync(IReadOnlyList<Lead> leads, DateTimeOffset hour, CancellationToken cancellationToken)
    {
        foreach (var partition in leads.GroupBy(l => TableDueIndex.PartitionOf(DueKind.Sla, hour, l.SlaDueAt!.Value), StringComparer.Ordinal))
        {
            var actions = partition.Select(l => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity(partition.Key, string.Create(CultureInfo.InvariantCulture, $"{l.SlaDueAt!.Value.UtcTicks:D19}|{l.Id}"))
                {
                    ["LeadId"] = l.Id,
                    ["DueAt"] = l.SlaDueAt!.Value,
                })).ToList();
            await _dueIndex.SubmitTransactionAsync(actions, cancellationToken);
        }
    }

    private static DateTimeOffset Hour(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, at.UtcDateTime.Day, at.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);
}
