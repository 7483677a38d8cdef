using Azure.Data.Tables;
using LeadSync.Core.Leads;
using LeadSync.Core.Reports;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Reports;

/// <summary>
/// The write side of the report rollups against Azurite: a day's mark is written before its index rows, shared by the
/// writes of the next few seconds, and written again after a write that took half the settle time or more.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReportDayMarkTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = DateOnly.FromDateTime(At.UtcDateTime);
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString, start: At);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task The_first_write_of_a_day_marks_it_and_writes_right_after_share_that_mark()
    {
        await CreateAsync("first");
        var mark = await MarkAsync();

        await CreateAsync("second");

        Assert.Equal(mark.ETag, (await MarkAsync()).ETag);
    }

    [Fact]
    public async Task A_write_slower_than_half_the_settle_time_marks_its_day_again_after_its_row_is_stored()
    {
        // Every write takes longer than half of a 2 ms settle time.
        _services.Get<StorageClients>().FunnelDaySettle = TimeSpan.FromMilliseconds(2);

        var id = await CreateAsync("slow");

        var rows = await _services.Get<StorageClients>().TableAsync(TableNames.LeadsByDay, CancellationToken.None);
        var row = await rows.GetEntityAsync<TableEntity>(TableFunnelIndex.PartitionOf(Day, id, (await _services.Get<ILeadStore>().GetAsync(id, CancellationToken.None))!.IndexShard), id);
        Assert.True((await MarkAsync()).Timestamp >= row.Value.Timestamp, "the day was not marked again after the slow write");
    }

    private async Task<TableEntity> MarkAsync()
    {
        var table = await _services.Get<StorageClients>().TableAsync(TableNames.ReportDays, CancellationToken.None);
        return (await table.GetEntityAsync<TableEntity>(Day.ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture), Day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "|m")).Value;
    }

    private async Task<string> CreateAsync(string key)
    {
        var lead = new Lead
        {
            Id = LeadIdFactory.FromDelivery("generic", key),
            Source = "generic",
            DeliveryKey = key,
            ReceivedAt = At,
            StatusChangedAt = At,
            Contact = new ContactDetails { Email = $"{key}@example.com" },
            Status = LeadStatus.Received,
        };
        await _services.Get<ILeadStore>().CreateAsync(new LeadChange(lead, []), CancellationToken.None);
        Assert.Equal(Day, FunnelRow.DayOf(lead.ReceivedAt));
        return lead.Id;
    }
}
