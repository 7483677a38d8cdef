using Azure.Data.Tables;
using LeadSync.Core.Crm;
using LeadSync.Core.Jobs;
using LeadSync.Core.Reports;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Reports;

/// <summary>
/// Report rows that are missing or stale (a crash between the lead's write and its report row, or leads stored before
/// the index existed) are rebuilt from the lead table: by the manual backfill job, by the re-drive timer's safety net
/// and by the lead's next change. Against Azurite, with the rows removed or corrupted directly in the table.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReportBackfillTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 11, 23);
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<TableClient> DayTableAsync() => await _services.Get<StorageClients>().TableAsync(TableNames.LeadsByDay, CancellationToken.None);

    private async Task LoseRowAsync(string leadId) => await (await DayTableAsync()).DeleteEntityAsync(await PartitionOfAsync(leadId), leadId);

    private async Task<string> PartitionOfAsync(string leadId) =>
        TableFunnelIndex.PartitionOf(Day, leadId, (await _services.Get<ILeadStore>().GetAsync(leadId, CancellationToken.None))!.IndexShard);

    private async Task<IReadOnlyList<FunnelRow>> RowsAsync() => await _services.Get<IFunnelIndex>().ReadAsync(Day, Day, CancellationToken.None);

    private async Task<FunnelGroup> GenericAsync() =>
        Assert.Single((await _services.Get<FunnelReport>().BuildAsync(new FunnelQuery(Day, Day, FunnelGroupBy.Source), CancellationToken.None)).Groups);

    [Fact]
    public async Task The_backfill_job_rebuilds_missing_and_stale_rows_once_and_then_changes_nothing()
    {
        var lost = await Pipeline.IntakeAsync(_services, "lost@example.com");
        var stale = await Pipeline.IntakeAsync(_services, "stale@example.com");
        await Pipeline.IntakeAsync(_services, "fine@example.com");
        await LoseRowAsync(lost);
        var table = await DayTableAsync();
        var staleRow = (await table.GetEntityAsync<TableEntity>(await PartitionOfAsync(stale), stale)).Value;
        staleRow["Status"] = "Converted";
        await table.UpdateEntityAsync(staleRow, staleRow.ETag, TableUpdateMode.Replace);
        Assert.Equal((2, 1), ((await GenericAsync()).Received, (await GenericAsync()).Converted));

        var first = await Pipeline.RunJobAsync(_services, JobNames.ReportBackfill);
        var second = await Pipeline.RunJobAsync(_services, JobNames.ReportBackfill);

        Assert.Equal(new JobReport(JobNames.ReportBackfill, 3, 2, 1, 0), first);
        Assert.Equal(new JobReport(JobNames.ReportBackfill, 3, 0, 3, 0), second);
        var group = await GenericAsync();
        Assert.Equal((3, 3, 0), (group.Received, group.SalesReady, group.Converted));
        Assert.Contains(lost, (await RowsAsync()).Select(r => r.LeadId));
    }

    [Fact]
    public async Task The_redrive_safety_net_restores_the_row_a_crash_lost_after_the_lead_was_stored()
    {
        var id = await Pipeline.IntakeAsync(_services, "crash@example.com");
        await LoseRowAsync(id);
        Assert.Empty(await RowsAsync());

        _services.Time.Advance(TimeSpan.FromMinutes(3));
        await Pipeline.RunJobAsync(_services, JobNames.Redrive);

        var row = Assert.Single(await RowsAsync());
        Assert.Equal((id, LeadSync.Core.Leads.LeadStatus.SalesReady), (row.LeadId, row.Status));
    }

    [Fact]
    public async Task The_next_change_of_the_lead_rewrites_its_whole_row()
    {
        var id = await Pipeline.IntakeAsync(_services, "later@example.com");
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        await LoseRowAsync(id);

        await _services.Get<CrmEventProcessor>().ApplyAsync("sandbox", new CrmEvent(id, CrmLeadState.Contacted, null, null), CancellationToken.None);

        var group = await GenericAsync();
        Assert.Equal((1, 1, 1), (group.Received, group.Synced, group.ContactedWithinSla));
    }
}
