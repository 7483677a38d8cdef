using Azure.Data.Tables;
using LeadSync.Core.Leads;
using LeadSync.Core.Reports;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Reports;

/// <summary>
/// Where a lead's report-index rows live: leads created in the same second share a shard of their day (so their rows
/// share transactions), the shard never changes with the lead, and a lead stored before shards were chosen this way
/// keeps its rows where they are (by id) instead of getting a second row.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReportIndexShardTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = DateOnly.FromDateTime(At.UtcDateTime);
    private TestServices _services = null!;

    private ILeadStore Store => _services.Get<ILeadStore>();

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString, start: At);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Leads_created_in_the_same_second_share_a_shard_and_keep_it_through_their_changes()
    {
        var ids = new List<string>();
        foreach (var key in new[] { "alpha", "bravo", "charlie", "delta" })
        {
            ids.Add((await Store.CreateAsync(new LeadChange(NewLead(key), []), CancellationToken.None)).Lead.Id);
        }

        _services.Time.Advance(TimeSpan.FromSeconds(1));
        var later = (await Store.CreateAsync(new LeadChange(NewLead("echo"), []), CancellationToken.None)).Lead;

        var shards = new List<int?>();
        foreach (var id in ids)
        {
            shards.Add((await Store.GetAsync(id, CancellationToken.None))!.IndexShard);
        }

        Assert.Equal(LeadShard.OfSecond(At), Assert.Single(shards.Distinct()));
        Assert.Equal(LeadShard.OfSecond(At.AddSeconds(1)), later.IndexShard);

        _services.Time.Advance(TimeSpan.FromMinutes(3));
        await UpdateAsync(ids[0]);

        Assert.Equal(LeadShard.OfSecond(At), (await Store.GetAsync(ids[0], CancellationToken.None))!.IndexShard);
        var row = Assert.Single(await RowsOfAsync(ids[0]));
        Assert.Equal(TableFunnelIndex.PartitionOf(Day, ids[0], LeadShard.OfSecond(At)), row.PartitionKey);
        Assert.Equal(nameof(LeadStatus.SalesReady), row.GetString("Status"));
    }

    [Fact]
    public async Task A_lead_stored_before_index_shards_keeps_its_one_row_under_its_id_shard()
    {
        var legacy = NewLead("legacy-lead");
        var leads = await _services.Get<StorageClients>().TableAsync(TableNames.Leads, CancellationToken.None);
        await leads.AddEntityAsync(LeadEntityMapper.ToEntity(legacy));
        var days = await _services.Get<StorageClients>().TableAsync(TableNames.LeadsByDay, CancellationToken.None);
        await days.AddEntityAsync(new TableEntity(TableFunnelIndex.PartitionOf(Day, legacy.Id, null), legacy.Id) { ["Source"] = "generic", ["Status"] = "Received", ["ReceivedAt"] = At });

        await UpdateAsync(legacy.Id);

        Assert.Null((await Store.GetAsync(legacy.Id, CancellationToken.None))!.IndexShard);
        var row = Assert.Single(await RowsOfAsync(legacy.Id));
        Assert.Equal(TableFunnelIndex.PartitionOf(Day, legacy.Id, null), row.PartitionKey);
        Assert.Equal(nameof(LeadStatus.SalesReady), row.GetString("Status"));
    }

    private async Task UpdateAsync(string id)
    {
        var lead = (await Store.GetAsync(id, CancellationToken.None))!;
        var result = await Store.UpdateAsync(new LeadChange(lead with { Status = LeadStatus.SalesReady }, []), CancellationToken.None);
        Assert.Equal(LeadUpdateStatus.Updated, result.Status);
    }

    private async Task<List<TableEntity>> RowsOfAsync(string id)
    {
        var days = await _services.Get<StorageClients>().TableAsync(TableNames.LeadsByDay, CancellationToken.None);
        return await days.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {id}")).ToListAsync();
    }

    private static Lead NewLead(string key) => new()
    {
        Id = LeadIdFactory.FromDelivery("generic", key),
        Source = "generic",
        DeliveryKey = key,
        ReceivedAt = At,
        StatusChangedAt = At,
        Contact = new ContactDetails { Email = $"{key}@example.com" },
        Status = LeadStatus.Received,
    };
}
