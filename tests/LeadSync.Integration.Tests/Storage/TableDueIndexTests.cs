using LeadSync.Core.Storage;
using Azure.Data.Tables;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableDueIndexTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestServices _services = null!;

    private IDueIndex Index => _services.Get<IDueIndex>();

    private DateTimeOffset Now => _services.Time.GetUtcNow();

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Only_items_that_are_due_are_returned()
    {
        await Index.ScheduleAsync(new DueItem("ld_a", DueKind.Sla, Now.AddMinutes(5)), CancellationToken.None);
        await Index.ScheduleAsync(new DueItem("ld_b", DueKind.Sla, Now.AddMinutes(90)), CancellationToken.None);
        await Index.ScheduleAsync(new DueItem("ld_c", DueKind.Recycle, Now.AddMinutes(5)), CancellationToken.None);

        Assert.Empty(await Index.GetDueAsync(DueKind.Sla, Now, 100, CancellationToken.None));
        _services.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(["ld_a"], (await Index.GetDueAsync(DueKind.Sla, Now, 100, CancellationToken.None)).Select(d => d.LeadId));
        _services.Time.Advance(TimeSpan.FromMinutes(90));
        Assert.Equal(["ld_a", "ld_b"], (await Index.GetDueAsync(DueKind.Sla, Now, 100, CancellationToken.None)).Select(d => d.LeadId));
    }

    [Fact]
    public async Task Hints_filed_at_once_into_one_partition_are_all_stored()
    {
        var dueAt = Now.AddMinutes(5);
        var ids = Enumerable.Range(0, 250).Select(i => $"ld_many{i:D3}").ToList();

        await Task.WhenAll(ids.Select(id => Index.ScheduleAsync(new DueItem(id, DueKind.Sla, dueAt), CancellationToken.None)));
        await Task.WhenAll(ids.Take(10).Select(id => Index.ScheduleAsync(new DueItem(id, DueKind.Sla, dueAt), CancellationToken.None)));

        _services.Time.Advance(TimeSpan.FromMinutes(10));
        var due = await Index.GetDueAsync(DueKind.Sla, Now, 1000, CancellationToken.None);
        Assert.Equal(ids, due.Select(d => d.LeadId).Where(id => id.StartsWith("ld_many", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Hints_due_in_the_same_second_share_a_partition_and_the_seconds_of_an_hour_spread_over_the_shards()
    {
        var due = new DateTimeOffset(2026, 12, 7, 10, 15, 30, TimeSpan.Zero);

        Assert.Equal(
            TableDueIndex.PartitionOf(DueKind.Sla, due, due),
            TableDueIndex.PartitionOf(DueKind.Sla, due, due.AddMilliseconds(999)));
        var shards = Enumerable.Range(0, 60).Select(s => TableDueIndex.PartitionOf(DueKind.Sla, due, due.AddSeconds(s))).ToList();
        Assert.Equal(60, shards.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(shards, shards.Order(StringComparer.Ordinal));
        Assert.All(shards, p => Assert.StartsWith("Sla|2026120710|", p, StringComparison.Ordinal));
        Assert.Equal("Sla|2026120710|0930", shards[0]);
    }

    [Fact]
    public async Task A_run_reads_the_oldest_due_hints_of_an_hour_first_across_its_seconds()
    {
        var ids = Enumerable.Range(0, 30).Select(i => $"ld_sec{i:D2}").ToList();
        for (var i = ids.Count - 1; i >= 0; i--)
        {
            await Index.ScheduleAsync(new DueItem(ids[i], DueKind.Sla, Now.AddMinutes(1).AddSeconds(i)), CancellationToken.None);
        }

        _services.Time.Advance(TimeSpan.FromMinutes(5));

        var first = await Index.GetDueAsync(DueKind.Sla, Now, 10, CancellationToken.None);
        Assert.Equal(ids.Take(10), first.Select(d => d.LeadId));
        await Index.RemoveAllAsync(first, CancellationToken.None);
        Assert.Equal(ids.Skip(10).Take(10), (await Index.GetDueAsync(DueKind.Sla, Now, 10, CancellationToken.None)).Select(d => d.LeadId));
    }

    [Fact]
    public async Task A_hint_filed_under_the_earlier_lead_id_shards_is_still_found_and_removed()
    {
        var dueAt = Now.AddMinutes(1);
        var table = await _services.Get<StorageClients>().TableAsync(TableNames.DueIndex, CancellationToken.None);
        await Index.ScheduleAsync(new DueItem("ld_cursor", DueKind.Sla, Now.AddHours(2)), CancellationToken.None);
        var legacyPartition = $"Sla|{dueAt.UtcDateTime:yyyyMMddHH}|{"ld_legacy7"[^1] % LeadShard.Count}";
        await table.AddEntityAsync(new TableEntity(legacyPartition, $"{dueAt.UtcTicks:D19}|ld_legacy7") { ["LeadId"] = "ld_legacy7", ["DueAt"] = dueAt });
        _services.Time.Advance(TimeSpan.FromMinutes(2));

        var found = Assert.Single(await Index.GetDueAsync(DueKind.Sla, Now, 100, CancellationToken.None));
        Assert.Equal("ld_legacy7", found.LeadId);
        await Index.RemoveAsync(found, CancellationToken.None);

        Assert.Empty(await Index.GetDueAsync(DueKind.Sla, Now, 100, CancellationToken.None));
    }

    [Fact]
    public async Task Removed_items_are_not_returned_again()
    {
        await Index.ScheduleAsync(new DueItem("ld_a", DueKind.Sla, Now.AddMinutes(1)), CancellationToken.None);
        _services.Time.Advance(TimeSpan.FromMinutes(2));
        var due = Assert.Single(await Index.GetDueAsync(DueKind.Sla, Now, 100, CancellationToken.None));

        await Index.RemoveAsync(due, CancellationToken.None);

        Assert.Empty(await Index.GetDueAsync(DueKind.Sla, Now, 100, CancellationToken.None));
    }

    [Fact]
    public async Task Items_left_unswept_for_days_are_still_found()
    {
        await Index.ScheduleAsync(new DueItem("ld_old", DueKind.Recycle, Now.AddHours(1)), CancellationToken.None);

        _services.Time.Advance(TimeSpan.FromDays(3));

        Assert.Equal("ld_old", Assert.Single(await Index.GetDueAsync(DueKind.Recycle, Now, 100, CancellationToken.None)).LeadId);
    }

    [Fact]
    public async Task An_item_scheduled_for_the_past_is_due_at_once()
    {
        _services.Time.Advance(TimeSpan.FromHours(5));
        await Index.ScheduleAsync(new DueItem("ld_late", DueKind.Sync, Now.AddHours(-4)), CancellationToken.None);

        var due = Assert.Single(await Index.GetDueAsync(DueKind.Sync, Now, 100, CancellationToken.None));
        Assert.Equal(Now.AddHours(-4), due.DueAt);
        await Index.RemoveAsync(due, CancellationToken.None);
        Assert.Empty(await Index.GetDueAsync(DueKind.Sync, Now, 100, CancellationToken.None));
    }

    [Fact]
    public async Task Rescheduling_the_same_item_is_idempotent_and_max_caps_a_run()
    {
        for (var i = 0; i < 5; i++)
        {
            await Index.ScheduleAsync(new DueItem($"ld_{i}", DueKind.Sla, Now.AddMinutes(1)), CancellationToken.None);
            await Index.ScheduleAsync(new DueItem($"ld_{i}", DueKind.Sla, Now.AddMinutes(1)), CancellationToken.None);
        }

        _services.Time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(5, (await Index.GetDueAsync(DueKind.Sla, Now, 100, CancellationToken.None)).Count);
        Assert.Equal(3, (await Index.GetDueAsync(DueKind.Sla, Now, 3, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_capped_run_takes_the_oldest_due_items_across_lead_shards_and_hours()
    {
        // Ids ending in every character spread the hints over every shard of each hour.
        var items = Enumerable.Range(0, 40)
            .Select(i => new DueItem($"ld_shard{"0123456789abcdefghjkmnpqrstvwxyz"[i % 32]}{i:D2}", DueKind.Sla, Now.AddMinutes(30 + (i * 7 % 40) * 3)))
            .ToList();
        await Index.ScheduleAllAsync(items, CancellationToken.None);
        _services.Time.Advance(TimeSpan.FromHours(3));

        var due = await Index.GetDueAsync(DueKind.Sla, Now, 15, CancellationToken.None);

        Assert.Equal(items.OrderBy(i => i.DueAt).Take(15).Select(i => i.LeadId), due.Select(d => d.LeadId));
        await Index.RemoveAllAsync(due, CancellationToken.None);
        Assert.Equal(items.OrderBy(i => i.DueAt).Skip(15).Select(i => i.LeadId), (await Index.GetDueAsync(DueKind.Sla, Now, 100, CancellationToken.None)).Select(d => d.LeadId));
    }

    [Fact]
    public async Task Hints_filed_together_across_hours_and_kinds_are_found_and_removed_together()
    {
        // 250 hints in one hour (three transactions), 30 in the next hour, 20 of another kind, and one named twice.
        var hints = Enumerable.Range(0, 250).Select(i => new DueItem($"ld_a{i}", DueKind.Sla, Now.AddMinutes(1)))
            .Concat(Enumerable.Range(0, 30).Select(i => new DueItem($"ld_b{i}", DueKind.Sla, Now.AddMinutes(61))))
            .Concat(Enumerable.Range(0, 20).Select(i => new DueItem($"ld_c{i}", DueKind.Notify, Now.AddMinutes(1))))
            .Append(new DueItem("ld_a0", DueKind.Sla, Now.AddMinutes(1)))
            .ToList();

        await Index.ScheduleAllAsync(hints, CancellationToken.None);
        _services.Time.Advance(TimeSpan.FromMinutes(62));
        var sla = await Index.GetDueAsync(DueKind.Sla, Now, 1000, CancellationToken.None);
        var notify = await Index.GetDueAsync(DueKind.Notify, Now, 1000, CancellationToken.None);

        Assert.Equal(280, sla.Count);
        Assert.Equal(hints.Where(h => h.Kind == DueKind.Sla).Select(h => h.LeadId).Distinct().Order(), sla.Select(h => h.LeadId).Order());
        Assert.Equal(20, notify.Count);

        await Index.RemoveAllAsync([.. sla, .. notify], CancellationToken.None);

        Assert.Empty(await Index.GetDueAsync(DueKind.Sla, Now, 1000, CancellationToken.None));
        Assert.Empty(await Index.GetDueAsync(DueKind.Notify, Now, 1000, CancellationToken.None));
    }

    [Fact]
    public async Task Removing_hints_together_skips_those_a_concurrent_run_already_removed()
    {
        await Index.ScheduleAllAsync([.. Enumerable.Range(0, 150).Select(i => new DueItem($"ld_{i}", DueKind.Sla, Now.AddMinutes(1)))], CancellationToken.None);
        _services.Time.Advance(TimeSpan.FromMinutes(2));
        var due = await Index.GetDueAsync(DueKind.Sla, Now, 1000, CancellationToken.None);
        Assert.Equal(150, due.Count);

        // Another run removed some of them first: every fifth one, spread over both transactions.
        foreach (var hint in due.Where((_, i) => i % 5 == 0))
        {
            await Index.RemoveAsync(hint, CancellationToken.None);
        }

        await Index.RemoveAllAsync(due, CancellationToken.None);

        Assert.Empty(await Index.GetDueAsync(DueKind.Sla, Now, 1000, CancellationToken.None));
    }
}
