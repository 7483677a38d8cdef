using Azure.Data.Tables;
using LeadSync.Core.Intake.Erasure;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Storage;

/// <summary>
/// On Azurite: a lead's timeline entries are written inside its row while they fit, as rows of their own after that,
/// and read back as one timeline in time order; a lead stored before the row kept entries goes on with rows; erasure
/// blanks what identifies the person in both.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LeadRowTimelineTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private TestServices _services = null!;

    private ILeadStore Store => _services.Get<ILeadStore>();

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private static LeadChange NewLead(string key) =>
        FiledLead.SalesReady(key, At, new ContactDetails { Email = "grace@example.com", FirstName = "Grace", LastName = "Hopper" });

    private async Task<List<TableEntity>> PartitionAsync(string leadId)
    {
        var table = await _services.Get<StorageClients>().TableAsync(TableNames.Leads, CancellationToken.None);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == leadId))
        {
            rows.Add(row);
        }

        return rows;
    }

    private async Task<Lead> UpdateAsync(Lead lead, params TimelineEntry[] entries)
    {
        var result = await Store.UpdateAsync(new LeadChange(lead, entries), CancellationToken.None);
        Assert.Equal(LeadUpdateStatus.Updated, result.Status);
        return result.Lead!;
    }

    [Fact]
    public async Task A_lead_s_usual_entries_are_written_inside_its_row_and_read_back_in_order()
    {
        var created = await Store.CreateAsync(NewLead("usual"), CancellationToken.None);
        var synced = await UpdateAsync(created.Lead with { Status = LeadStatus.Synced, CrmId = "901" },
            new TimelineEntry(At.AddSeconds(1), "crm-sync", LeadEvents.Synced, "Upserted into hubspot as 901."));
        await UpdateAsync(synced, new TimelineEntry(At.AddSeconds(2), "sla-sweep", "sla.reminder", "Owner reminded."));

        var rows = await PartitionAsync(created.Lead.Id);
        var timeline = await Store.GetTimelineAsync(created.Lead.Id, CancellationToken.None);

        Assert.Equal([LeadEntityMapper.LeadRowKey], rows.Select(r => r.RowKey));
        Assert.Equal([LeadEvents.Received, LeadEvents.SalesReady, LeadEvents.Synced, "sla.reminder"], timeline.Select(e => e.Event));
        Assert.Equal("Upserted into hubspot as 901.", timeline[2].Detail);
        Assert.Equal(At.AddSeconds(1), timeline[2].At);
    }

    [Fact]
    public async Task Entries_past_the_row_s_room_become_rows_and_the_timeline_keeps_every_entry_in_time_order()
    {
        var lead = (await Store.CreateAsync(NewLead("long"), CancellationToken.None)).Lead;
        var written = new List<string>();
        for (var i = 1; i <= 6; i++)
        {
            var detail = $"Note {i}: " + new string('x', 2_000);
            written.Add(detail);
            lead = await UpdateAsync(lead, new TimelineEntry(At.AddMinutes(i), "admin", "lead.note", detail));
        }

        var rows = await PartitionAsync(lead.Id);
        var timeline = await Store.GetTimelineAsync(lead.Id, CancellationToken.None);

        Assert.Contains(rows, r => r.RowKey.StartsWith(LeadEntityMapper.TimelinePrefix, StringComparison.Ordinal));
        Assert.True(rows.Single(r => r.RowKey == LeadEntityMapper.LeadRowKey).GetString("Timeline")!.Length <= LeadRowTimeline.MaxChars);
        Assert.Equal(8, timeline.Count);
        Assert.Equal(written, timeline.Where(e => e.Event == "lead.note").Select(e => e.Detail));
        Assert.Equal(timeline.OrderBy(e => e.At).Select(e => e.Detail), timeline.Select(e => e.Detail));
    }

    [Fact]
    public async Task A_lead_stored_before_its_row_kept_entries_goes_on_with_entry_rows()
    {
        var change = NewLead("legacy");
        var table = await _services.Get<StorageClients>().TableAsync(TableNames.Leads, CancellationToken.None);
        await table.AddEntityAsync(LeadEntityMapper.ToEntity(change.Lead with { IndexShard = 0 }));
        await table.AddEntityAsync(LeadEntityMapper.ToEntity(change.Lead.Id, change.Entries[0], 0));
        var legacy = await Store.GetAsync(change.Lead.Id, CancellationToken.None);
        Assert.Null(legacy!.StoredTimeline);

        await UpdateAsync(legacy, new TimelineEntry(At.AddSeconds(5), "crm-sync", LeadEvents.Synced, "Upserted."));

        var rows = await PartitionAsync(change.Lead.Id);
        Assert.Equal(3, rows.Count);
        Assert.Null(rows.Single(r => r.RowKey == LeadEntityMapper.LeadRowKey).GetString("Timeline"));
        Assert.Equal([LeadEvents.Received, LeadEvents.Synced], (await Store.GetTimelineAsync(change.Lead.Id, CancellationToken.None)).Select(e => e.Event));
    }

    [Fact]
    public async Task Erasure_blanks_the_entries_inside_the_row_that_identify_the_person_and_keeps_the_others()
    {
        var change = NewLead("erase");
        change = change with
        {
            Entries = [.. change.Entries,
                new TimelineEntry(At, "intake", LeadEvents.MarketingTouch, "Marketing touch: https://example.com/demo?utm_source=news"),
                new TimelineEntry(At, "sla-sweep", "sla.escalated", "Escalated: grace@example.com not called.")],
        };
        var lead = (await Store.CreateAsync(change, CancellationToken.None)).Lead;

        var erased = await _services.Get<ILeadEraser>().EraseAsync(lead.Id, "admin", "subject request", CancellationToken.None);

        var timeline = await Store.GetTimelineAsync(lead.Id, CancellationToken.None);
        var row = (await PartitionAsync(lead.Id)).Single(r => r.RowKey == LeadEntityMapper.LeadRowKey);
        Assert.Equal(2, erased!.RedactedEntries);
        Assert.Equal(TableLeadStore.ErasedDetail, timeline.Single(e => e.Event == LeadEvents.MarketingTouch).Detail);
        Assert.Equal(TableLeadStore.ErasedDetail, timeline.Single(e => e.Event == "sla.escalated").Detail);
        Assert.Equal("Received from generic.", timeline.Single(e => e.Event == LeadEvents.Received).Detail);
        Assert.Single(timeline, e => e.Event == LeadEvents.Erased);
        Assert.DoesNotContain("grace@example.com", row.GetString("Timeline"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("utm_source", row.GetString("Timeline"), StringComparison.Ordinal);
    }
}
