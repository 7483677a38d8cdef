using Azure.Data.Tables;
using LeadSync.Core.Intake.Erasure;
using LeadSync.Core.Jobs;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;
using LeadSync.Web.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadSync.Integration.Tests.Intake;

/// <summary>
/// The e-mail index's claim on Azurite: a first delivery from an address is recorded by its claim and found like any
/// entry (lookup, admin search, erasure); addresses stored before claims existed are still re-entered, and only a
/// backfill pass that finds nothing missing turns the one-call path on; on a store an earlier version may still be
/// filing, claims carry no entry for an hour; concurrent first deliveries end as without it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EmailClaimTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestServices _services = null!;

    private ILeadEmailIndex Index => _services.Get<ILeadEmailIndex>();

    private ILeadStore Store => _services.Get<ILeadStore>();

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private static string IdOf(string deliveryId) => LeadIdFactory.FromDelivery("generic", deliveryId);

    private async Task<TableClient> TableAsync() =>
        await _services.Get<StorageClients>().TableAsync(TableNames.LeadsByEmail, CancellationToken.None);

    private async Task<List<string>> RowKeysAsync(string email)
    {
        var table = await TableAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableLeadEmailIndex.Partition(email)}");
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter))
        {
            keys.Add(row.RowKey);
        }

        return keys;
    }

    /// <summary>An index row as the code before claims wrote it (no claim row), for a lead stored directly.</summary>
    private async Task<string> LegacyLeadAsync(string email, string deliveryId, LeadStatus status)
    {
        var id = IdOf(deliveryId);
        var now = _services.Time.GetUtcNow();
        var lead = new Lead
        {
            Id = id,
            Source = "generic",
            DeliveryKey = deliveryId,
            ReceivedAt = now,
            StatusChangedAt = now,
            Status = status,
            Contact = new ContactDetails { Email = email, FirstName = "Old" },
        };
        await Store.CreateAsync(new LeadChange(lead, [new TimelineEntry(now, "intake", LeadEvents.Received, "Received from generic.")]), CancellationToken.None);
        var table = await TableAsync();
        await table.UpsertEntityAsync(new TableEntity(TableLeadEmailIndex.Partition(email), id) { ["LeadId"] = id });
        return id;
    }

    [Fact]
    public async Task A_first_delivery_is_recorded_by_its_claim_and_found_by_lookup_and_by_the_admin_search()
    {
        var id = await Pipeline.IntakeAsync(_services, "first@example.com", "msg_first");

        Assert.Equal(IdOf("msg_first"), id);
        Assert.Equal([TableLeadEmailIndex.ClaimRow], await RowKeysAsync("first@example.com"));
        Assert.Equal([new LeadEmailEntry(id, id)], await Index.FindAsync("FIRST@example.com", CancellationToken.None));
        var context = new DefaultHttpContext { RequestServices = _services.Services };
        context.Request.QueryString = new QueryString("?email=First@Example.com");
        var answer = await _services.Get<LeadSearchEndpoints>().SearchAsync(context.Request, CancellationToken.None);
        Assert.Equal(id, Assert.Single(Assert.IsType<Ok<LeadSearchView>>(answer).Value!.Items).Id);
    }

    [Fact]
    public async Task A_second_delivery_from_a_claimed_address_becomes_a_touch_on_its_lead()
    {
        var first = await Pipeline.IntakeAsync(_services, "again@example.com", "msg_again_1");

        var second = await Pipeline.IntakeAsync(_services, "Again@Example.com", "msg_again_2");

        Assert.Equal(first, second);
        Assert.Null(await Store.GetAsync(IdOf("msg_again_2"), CancellationToken.None));
        Assert.Equal(1, (await Store.GetAsync(first, CancellationToken.None))!.AdditionalTouches);
        Assert.Equal(
            new[] { new LeadEmailEntry(first, first), new LeadEmailEntry(IdOf("msg_again_2"), first) }.OrderBy(e => e.DeliveryLeadId, StringComparer.Ordinal),
            (await Index.FindAsync("again@example.com", CancellationToken.None)).OrderBy(e => e.DeliveryLeadId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_address_stored_before_claims_existed_is_still_re_entered_while_no_backfill_has_run()
    {
        var old = await LegacyLeadAsync("legacy@example.com", "msg_legacy_1", LeadStatus.Synced);

        var second = await Pipeline.IntakeAsync(_services, "legacy@example.com", "msg_legacy_2");
        var fresh = await Pipeline.IntakeAsync(_services, "fresh@example.com", "msg_fresh");

        Assert.Equal(old, second);
        Assert.Equal(1, (await Store.GetAsync(old, CancellationToken.None))!.AdditionalTouches);
        Assert.Null(await Store.GetAsync(IdOf("msg_legacy_2"), CancellationToken.None));
        Assert.False(await Index.TryClaimAsync("another@example.com", IdOf("msg_other"), CancellationToken.None));
        Assert.Equal(IdOf("msg_fresh"), fresh);

        // The looked-up path records each delivery with its address's claim, so no backfill is needed for them.
        Assert.Contains(TableLeadEmailIndex.ClaimRow, await RowKeysAsync("legacy@example.com"));
        Assert.Contains(TableLeadEmailIndex.ClaimRow, await RowKeysAsync("fresh@example.com"));
    }

    [Fact]
    public async Task The_backfill_claims_every_stored_address_and_a_pass_that_finds_none_missing_turns_the_one_call_path_on()
    {
        var recycled = await LegacyLeadAsync("back@example.com", "msg_back_1", LeadStatus.Recycled);
        await LegacyLeadAsync("two@example.com", "msg_two_1", LeadStatus.Synced);
        await LegacyLeadAsync("two@example.com", "msg_two_2", LeadStatus.Synced);
        await Pipeline.IntakeAsync(_services, "claimed@example.com", "msg_claimed");

        await Pipeline.RunJobAsync(_services, JobNames.Redrive);

        Assert.Contains(TableLeadEmailIndex.ClaimRow, await RowKeysAsync("back@example.com"));
        Assert.Equal(3, (await RowKeysAsync("two@example.com")).Count);
        Assert.False(await Index.TryClaimAsync("new@example.com", IdOf("msg_new_1"), CancellationToken.None));
        Assert.Equal(0, await Index.BackfillClaimsAsync(CancellationToken.None));
        Assert.True(await Index.TryClaimAsync("new@example.com", IdOf("msg_new_2"), CancellationToken.None));

        // Another process reads the marker; a backfilled address is known, so its next delivery still re-enters.
        var elsewhere = new TableLeadEmailIndex(_services.Get<StorageClients>(), _services.Time);
        Assert.True(await elsewhere.TryClaimAsync("newer@example.com", IdOf("msg_newer"), CancellationToken.None));
        Assert.False(await elsewhere.TryClaimAsync("back@example.com", IdOf("msg_back_2"), CancellationToken.None));
        Assert.Equal(recycled, await Pipeline.IntakeAsync(_services, "back@example.com", "msg_back_2"));
        Assert.Equal(1, (await Store.GetAsync(recycled, CancellationToken.None))!.ReEngagedCount);

        // An earlier version may still be filing here: for an hour a claim is inserted empty, with the delivery's row.
        Assert.Equal([IdOf("msg_new_2"), TableLeadEmailIndex.ClaimRow], await RowKeysAsync("new@example.com"));
        _services.Time.Advance(EmailClaimMarker.MixedVersionWindow);
        Assert.True(await Index.TryClaimAsync("later@example.com", IdOf("msg_later"), CancellationToken.None));
        Assert.Equal([TableLeadEmailIndex.ClaimRow], await RowKeysAsync("later@example.com"));
        Assert.Equal([new LeadEmailEntry(IdOf("msg_later"), IdOf("msg_later"))], await Index.FindAsync("later@example.com", CancellationToken.None));
    }

    [Fact]
    public async Task A_marker_written_by_an_earlier_version_gets_its_time_from_the_next_backfill_pass_and_claims_carry_entries_an_hour_later()
    {
        await LegacyLeadAsync("old@example.com", "msg_old_1", LeadStatus.Synced);
        var table = await TableAsync();
        await table.UpsertEntityAsync(new TableEntity(TableLeadEmailIndex.Partition("old@example.com"), TableLeadEmailIndex.ClaimRow));
        await table.UpsertEntityAsync(new TableEntity(EmailClaimMarker.Partition, EmailClaimMarker.Row));

        Assert.True(await Index.TryClaimAsync("one@example.com", IdOf("msg_one"), CancellationToken.None));
        Assert.Equal(0, await Index.BackfillClaimsAsync(CancellationToken.None));
        var stamped = (await table.GetEntityAsync<TableEntity>(EmailClaimMarker.Partition, EmailClaimMarker.Row)).Value;
        Assert.Equal(_services.Time.GetUtcNow() + EmailClaimMarker.MixedVersionWindow, stamped.GetDateTimeOffset(EmailClaimMarker.EntriesFromProperty));

        // A second process stamps nothing new: the first stamp counts.
        var elsewhere = new TableLeadEmailIndex(_services.Get<StorageClients>(), _services.Time);
        _services.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await elsewhere.BackfillClaimsAsync(CancellationToken.None));
        Assert.Equal(stamped.ETag, (await table.GetEntityAsync<TableEntity>(EmailClaimMarker.Partition, EmailClaimMarker.Row)).Value.ETag);
        Assert.True(await elsewhere.TryClaimAsync("two@example.com", IdOf("msg_two"), CancellationToken.None));
        Assert.Equal([IdOf("msg_one"), TableLeadEmailIndex.ClaimRow], await RowKeysAsync("one@example.com"));
        Assert.Equal([IdOf("msg_two"), TableLeadEmailIndex.ClaimRow], await RowKeysAsync("two@example.com"));

        _services.Time.Advance(EmailClaimMarker.MixedVersionWindow);
        Assert.True(await Index.TryClaimAsync("three@example.com", IdOf("msg_three"), CancellationToken.None));
        Assert.True(await elsewhere.TryClaimAsync("four@example.com", IdOf("msg_four"), CancellationToken.None));
        Assert.Equal([TableLeadEmailIndex.ClaimRow], await RowKeysAsync("three@example.com"));
        Assert.Equal([TableLeadEmailIndex.ClaimRow], await RowKeysAsync("four@example.com"));
    }

    [Fact]
    public async Task A_later_delivery_keeps_the_first_entry_its_claim_carries_and_a_row_for_the_first_delivery_supersedes_it()
    {
        var first = IdOf("msg_keep_1");
        Assert.True(await Index.TryClaimAsync("keep@example.com", first, CancellationToken.None));

        await Index.AddAsync("keep@example.com", IdOf("msg_keep_2"), first, CancellationToken.None);

        Assert.Equal(
            [new LeadEmailEntry(IdOf("msg_keep_2"), first), new LeadEmailEntry(first, first)],
            await Index.FindAsync("keep@example.com", CancellationToken.None));

        // The first delivery joined another lead (its own was never stored): its row says so, the claim's entry is moot.
        await Index.AddAsync("keep@example.com", first, IdOf("msg_keep_2"), CancellationToken.None);
        Assert.Equal(
            new[] { new LeadEmailEntry(first, IdOf("msg_keep_2")), new LeadEmailEntry(IdOf("msg_keep_2"), first) }.OrderBy(e => e.DeliveryLeadId, StringComparer.Ordinal),
            (await Index.FindAsync("keep@example.com", CancellationToken.None)).OrderBy(e => e.DeliveryLeadId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Erasure_keeps_a_claim_that_a_filing_rewrote_meanwhile_without_the_erased_entry_it_carried()
    {
        var table = await TableAsync();
        var partition = TableLeadEmailIndex.Partition("carried@example.com");
        var erased = IdOf("msg_carried_1");
        Assert.True(await Index.TryClaimAsync("carried@example.com", erased, CancellationToken.None));
        var read = (await table.GetEntityAsync<TableEntity>(partition, TableLeadEmailIndex.ClaimRow)).Value;
        await Index.AddAsync("carried@example.com", IdOf("msg_carried_2"), IdOf("msg_carried_2"), CancellationToken.None);

        await TablePersonalDataSweeper.EraseClaimAsync(table, read, CancellationToken.None);

        var claim = (await table.GetEntityAsync<TableEntity>(partition, TableLeadEmailIndex.ClaimRow)).Value;
        Assert.Null(TableLeadEmailIndex.FirstLeadOf(claim));
        Assert.Equal([new LeadEmailEntry(IdOf("msg_carried_2"), IdOf("msg_carried_2"))], await Index.FindAsync("carried@example.com", CancellationToken.None));
        Assert.False(await Index.TryClaimAsync("carried@example.com", IdOf("msg_carried_3"), CancellationToken.None));
    }

    [Fact]
    public async Task Erasure_leaves_alone_a_claim_inserted_anew_for_another_lead_after_its_own_read()
    {
        var table = await TableAsync();
        var partition = TableLeadEmailIndex.Partition("anew@example.com");
        Assert.True(await Index.TryClaimAsync("anew@example.com", IdOf("msg_anew_1"), CancellationToken.None));
        var read = (await table.GetEntityAsync<TableEntity>(partition, TableLeadEmailIndex.ClaimRow)).Value;
        await table.DeleteEntityAsync(partition, TableLeadEmailIndex.ClaimRow);
        Assert.True(await Index.TryClaimAsync("anew@example.com", IdOf("msg_anew_2"), CancellationToken.None));

        await TablePersonalDataSweeper.EraseClaimAsync(table, read, CancellationToken.None);

        Assert.Equal([new LeadEmailEntry(IdOf("msg_anew_2"), IdOf("msg_anew_2"))], await Index.FindAsync("anew@example.com", CancellationToken.None));
    }

    [Fact]
    public async Task Erasure_finds_a_claimed_lead_and_leaves_the_address_new_again()
    {
        var id = await Pipeline.IntakeAsync(_services, "gone@example.com", "msg_gone");

        var record = await _services.Get<LeadErasure>().RequestAsync(new ErasureRequest("gone@example.com", null, "key:0123456789cd", "Subject asked by e-mail."), CancellationToken.None);

        Assert.Equal([id], record.LeadIds);
        Assert.Equal(1, record.Erased["email-index"]);
        Assert.Empty(await RowKeysAsync("gone@example.com"));
        Assert.True(await Index.TryClaimAsync("gone@example.com", IdOf("msg_back"), CancellationToken.None));
    }

    [Fact]
    public async Task Erasure_leaves_a_claim_that_a_filing_rewrote_after_the_partition_was_read()
    {
        var table = await TableAsync();
        var partition = TableLeadEmailIndex.Partition("race@example.com");
        await Index.AddAsync("race@example.com", IdOf("msg_race_1"), IdOf("msg_race_1"), CancellationToken.None);
        var read = (await table.GetEntityAsync<TableEntity>(partition, TableLeadEmailIndex.ClaimRow)).Value;
        await Index.AddAsync("race@example.com", IdOf("msg_race_2"), IdOf("msg_race_2"), CancellationToken.None);

        await TablePersonalDataSweeper.EraseClaimAsync(table, read, CancellationToken.None);

        Assert.Contains(TableLeadEmailIndex.ClaimRow, await RowKeysAsync("race@example.com"));
        var current = (await table.GetEntityAsync<TableEntity>(partition, TableLeadEmailIndex.ClaimRow)).Value;
        await TablePersonalDataSweeper.EraseClaimAsync(table, current, CancellationToken.None);
        await TablePersonalDataSweeper.EraseClaimAsync(table, current, CancellationToken.None);
        Assert.DoesNotContain(TableLeadEmailIndex.ClaimRow, await RowKeysAsync("race@example.com"));
    }

    [Fact]
    public async Task A_delivery_that_finds_the_claim_before_its_lead_is_stored_files_as_without_claims_and_the_claimant_joins_it()
    {
        // The claimant recorded its claim, then stopped before writing its lead (a crash, or still in flight).
        Assert.True(await Index.TryClaimAsync("both@example.com", IdOf("msg_both_a"), CancellationToken.None));

        var second = await Pipeline.IntakeAsync(_services, "both@example.com", "msg_both_b");
        var claimant = await Pipeline.IntakeAsync(_services, "both@example.com", "msg_both_a");

        Assert.Equal(IdOf("msg_both_b"), second);
        Assert.Equal(second, claimant);
        Assert.Null(await Store.GetAsync(IdOf("msg_both_a"), CancellationToken.None));
        Assert.Equal(1, (await Store.GetAsync(second, CancellationToken.None))!.AdditionalTouches);
        Assert.All(await Index.FindAsync("both@example.com", CancellationToken.None), e => Assert.Equal(second, e.LeadId));
    }

    [Fact]
    public async Task Two_concurrent_first_deliveries_from_one_address_claim_it_once_and_every_delivery_lands_on_a_stored_lead()
    {
        var filed = await Task.WhenAll(
            Pipeline.IntakeAsync(_services, "pair@example.com", "msg_pair_a"),
            Pipeline.IntakeAsync(_services, "pair@example.com", "msg_pair_b"));

        var rows = await RowKeysAsync("pair@example.com");
        Assert.Single(rows, r => r == TableLeadEmailIndex.ClaimRow);
        var entries = (await Index.FindAsync("pair@example.com", CancellationToken.None)).ToDictionary(e => e.DeliveryLeadId, e => e.LeadId);
        Assert.Equal(2, entries.Count);
        foreach (var (delivery, leadId) in new[] { IdOf("msg_pair_a"), IdOf("msg_pair_b") }.Zip(filed))
        {
            Assert.Equal(leadId, entries[delivery]);
            Assert.NotNull(await Store.GetAsync(leadId, CancellationToken.None));
        }
    }
}
