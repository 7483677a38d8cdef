using System.Text.Json;
using LeadSync.Core.Intake.Erasure;
using LeadSync.Core.Leads;
using LeadSync.Core.Reports;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeadSync.Integration.Tests.Reports;

/// <summary>
/// Property: however the stored leads change — status changes of old leads, new leads, re-entry (a new cycle on a new
/// day), erasure, report-row repair, writes while reports are being built — a report built from the day rollups
/// (<see cref="TableFunnelDays"/>) equals, figure for figure, the report over the index rows read directly; and once
/// days have settled, a report reads no index row at all. Against Azurite, with a one-second settle time.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReportRollupTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly First = DateOnly.FromDateTime(Start.UtcDateTime);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);
    private static readonly string[] Sources = ["generic", "linkedin", "google-ads"];
    private static readonly string?[] Campaigns = [null, "spring", "fall"];
    private static readonly string?[] Owners = [null, "ana@example.com", "ben@example.com"];
    private TestServices _services = null!;
    private CountingIndex _index = null!;
    private TableFunnelDays _days = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString, start: Start);
        var clients = _services.Get<StorageClients>();
        clients.FunnelDaySettle = Settle;
        _index = new CountingIndex(_services.Get<IFunnelIndex>());
        _days = new TableFunnelDays(clients, _index, NullLogger<TableFunnelDays>.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Reports_from_rollups_equal_reports_from_the_index_rows_after_any_change(int seed)
    {
        var random = new Random(seed);
        var ids = new List<string>();
        for (var n = 0; n < 40; n++)
        {
            ids.Add(await CreateAsync(random, $"r{seed}-{n}"));
        }

        for (var round = 0; round < 6; round++)
        {
            // Changes, some of them while reports are being built.
            var changes = Enumerable.Range(0, random.Next(3, 12)).Select(_ => ChangeAsync(random, ids, seed, round)).ToList();
            var during = Enumerable.Range(0, 2).Select(_ => _days.ReadAsync(First, First.AddDays(27), CancellationToken.None)).ToList();
            await Task.WhenAll(changes);
            await Task.WhenAll(during);
            await AssertSameAsync(random, $"seed {seed}, round {round}, right after the changes");

            // Settled: the rollups built now are trusted, and the next report reads them only. (A day without rows is
            // marked by the first report that covers it, and settles like a changed day.)
            await _days.ReadAsync(First, First.AddDays(40), CancellationToken.None);
            await Task.Delay(Settle + Settle + TimeSpan.FromMilliseconds(200));
            await _days.ReadAsync(First, First.AddDays(40), CancellationToken.None);
            _index.Reads = 0;
            await AssertSameAsync(random, $"seed {seed}, round {round}, settled");
            Assert.Equal(0, _index.Reads);
        }
    }

    [Fact]
    public async Task A_change_to_a_settled_day_is_in_the_next_report()
    {
        var random = new Random(9);
        var id = await CreateAsync(random, "settled-change");
        var lead = (await _services.Get<ILeadStore>().GetAsync(id, CancellationToken.None))!;
        var day = DateOnly.FromDateTime(lead.ReceivedAt.UtcDateTime);
        var query = new FunnelQuery(day, day, FunnelGroupBy.Source) { IncludeTest = true };
        await Task.Delay(Settle + Settle + TimeSpan.FromMilliseconds(200));
        await _days.ReadAsync(day, day, CancellationToken.None);
        _index.Reads = 0;
        Assert.Equal(0, FunnelReport.Build(query, await _days.ReadAsync(day, day, CancellationToken.None)).Total!.Converted);
        Assert.Equal(0, _index.Reads);

        await _services.Get<ILeadStore>().UpdateAsync(new LeadChange(lead with { Status = LeadStatus.Converted }, []), CancellationToken.None);

        Assert.Equal(1, FunnelReport.Build(query, await _days.ReadAsync(day, day, CancellationToken.None)).Total!.Converted);
        Assert.Equal(1, _index.Reads);
    }

    private async Task AssertSameAsync(Random random, string context)
    {
        for (var q = 0; q < 6; q++)
        {
            var from = First.AddDays(random.Next(0, 10));
            var query = new FunnelQuery(from, from.AddDays(random.Next(0, 30)), (FunnelGroupBy)random.Next(0, 5))
            {
                Source = random.Next(4) == 0 ? Sources[random.Next(Sources.Length)] : null,
                Owner = random.Next(5) == 0 ? Owners[random.Next(Owners.Length)] ?? FunnelReport.Unassigned : null,
                IncludeTest = random.Next(2) == 0,
            };
            var fromRollups = FunnelReport.Build(query, await _days.ReadAsync(query.From, query.To, CancellationToken.None));
            var fromRows = FunnelReport.Build(query, await _services.Get<IFunnelIndex>().ReadAsync(query.From, query.To, CancellationToken.None));
            Assert.True(JsonSerializer.Serialize(fromRows) == JsonSerializer.Serialize(fromRollups), $"{context}, query {query}");
        }
    }

    private async Task ChangeAsync(Random random, List<string> ids, int seed, int round)
    {
        int pick;
        string id;
        lock (random)
        {
            pick = random.Next(10);
            id = ids[random.Next(ids.Count)];
        }

        var store = _services.Get<ILeadStore>();
        switch (pick)
        {
            case 0:
                string key;
                lock (ids)
                {
                    key = $"r{seed}-new{round}-{ids.Count}";
                }

                var created = await CreateAsync(random, key);
                lock (ids)
                {
                    ids.Add(created);
                }

                return;
            case 1:
                await _services.Get<ILeadEraser>().EraseAsync(id, "test", "request", CancellationToken.None);
                return;
            case 2:
                // The report row is lost and repaired from the lead.
                var lost = (await store.GetAsync(id, CancellationToken.None))!;
                var table = await _services.Get<StorageClients>().TableAsync(TableNames.LeadsByDay, CancellationToken.None);
                var day = FunnelRow.DayOf(lost.ReceivedAt);
                await table.DeleteEntityAsync(TableFunnelIndex.PartitionOf(day, id, lost.IndexShard), id);
                await _services.Get<FunnelRowRepair>().RepairAsync(lost, CancellationToken.None);
                return;
            default:
                var lead = (await store.GetAsync(id, CancellationToken.None))!;
                Lead changed;
                lock (random)
                {
                    changed = pick == 3
                        ? lead with { ReceivedAt = lead.ReceivedAt.AddDays(random.Next(1, 9)), ReEngagedCount = lead.ReEngagedCount + 1, Status = LeadStatus.Received }
                        : Progress(random, lead);
                }

                await store.UpdateAsync(new LeadChange(changed, []), CancellationToken.None);
                return;
        }
    }

    private static Lead Progress(Random random, Lead lead)
    {
        var status = (LeadStatus)random.Next(0, 8);
        var synced = lead.SyncedAt ?? (status >= LeadStatus.Synced ? lead.ReceivedAt.AddSeconds(random.Next(1, 900)) : null);
        var touched = lead.FirstTouchAt ?? (synced is { } s && status >= LeadStatus.Contacted ? s.AddMinutes(random.Next(1, 900)) : null);
        return lead with
        {
            Status = status,
            SyncedAt = synced,
            FirstTouchAt = touched,
            Owner = lead.Owner ?? Owners[random.Next(Owners.Length)],
            SlaDueAt = synced is null ? null : lead.ReceivedAt.AddHours(1),
            SlaMet = touched is null ? (random.Next(3) == 0 ? false : null) : touched <= lead.ReceivedAt.AddHours(1),
            BusinessMinutesToFirstTouch = touched is null ? null : random.Next(0, 400),
            ContactAttempts = lead.ContactAttempts + random.Next(0, 3),
            EscalationLevel = random.Next(0, 3),
        };
    }

    private async Task<string> CreateAsync(Random random, string key)
    {
        Lead lead;
        lock (random)
        {
            var source = Sources[random.Next(Sources.Length)];
            var received = Start.AddDays(random.Next(0, 28)).AddSeconds(random.Next(0, 86_400));
            lead = Progress(random, new Lead
            {
                Id = LeadIdFactory.FromDelivery(source, key),
                Source = source,
                DeliveryKey = key,
                ReceivedAt = received,
                StatusChangedAt = received,
                Contact = new ContactDetails { Email = $"{key}@example.com" },
                Status = LeadStatus.Received,
                Campaign = Campaigns[random.Next(Campaigns.Length)],
                IsTest = random.Next(6) == 0,
            });
        }

        await _services.Get<ILeadStore>().CreateAsync(new LeadChange(lead, []), CancellationToken.None);
        return lead.Id;
    }

    /// <summary>The real index, counting the range reads the rollups make (a settled report makes none).</summary>
    private sealed class CountingIndex(IFunnelIndex inner) : IFunnelIndex
    {
        private int _reads;

        public int Reads
        {
            get => Volatile.Read(ref _reads);
            set => Volatile.Write(ref _reads, value);
        }

        public Task<IReadOnlyList<FunnelRow>> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return inner.ReadAsync(from, to, cancellationToken);
        }

        public Task<StoredFunnelRow?> GetAsync(DateOnly day, string leadId, int? indexShard, CancellationToken cancellationToken) =>
            inner.GetAsync(day, leadId, indexShard, cancellationToken);

        public Task<bool> TryWriteAsync(FunnelRow row, int? indexShard, string? expectedETag, CancellationToken cancellationToken) =>
            inner.TryWriteAsync(row, indexShard, expectedETag, cancellationToken);
    }
}
