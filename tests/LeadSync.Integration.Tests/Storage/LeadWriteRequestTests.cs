using LeadSync.Core.Leads;
using LeadSync.Core.Notifications;
using LeadSync.Core.Storage;

namespace LeadSync.Integration.Tests.Storage;

/// <summary>
/// Counted from Azurite's access log: a lead write that is one entity (its timeline fits on its row) goes as the plain
/// insert or replace, not as a one-entity <c>$batch</c>; a write with more entities stays one transaction; and the
/// plain requests' conflicts mean what the transaction's did (a duplicate, a stale version, a missing lead).
/// </summary>
public sealed class LeadWriteRequestTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private AzuriteRequestLog _azurite = null!;
    private TestServices _services = null!;

    private ILeadStore Store => _services.Get<ILeadStore>();

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteRequestLog.StartAsync();
        _services = TestServices.Create(_azurite.ConnectionString);
        await Store.CreateAsync(NewLead("warm"), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private static LeadChange NewLead(string key) => FiledLead.SalesReady(key, At, new ContactDetails { Email = "ada@example.com", FirstName = "Ada" });

    /// <summary>Requests (without their query) to the Leads table itself (not LeadsByDay, LeadsByEmail…), and transactions.</summary>
    private static List<string> LeadsAndBatches(IEnumerable<string> requests) =>
        [.. requests.Select(r => r.Split('?')[0]).Where(r => r.EndsWith("Leads", StringComparison.Ordinal) || r.Contains("Leads(", StringComparison.Ordinal) || r.EndsWith("$batch", StringComparison.Ordinal))];

    [Fact]
    public async Task A_one_entity_lead_write_is_a_plain_insert_or_replace_and_one_with_a_notice_is_one_transaction()
    {
        LeadCreateResult created = null!;
        var create = await _azurite.RequestsDuringAsync(_services, async () => created = await Store.CreateAsync(NewLead("plain"), CancellationToken.None));
        LeadUpdateResult synced = null!;
        var update = await _azurite.RequestsDuringAsync(_services, async () =>
            synced = await Store.UpdateAsync(new LeadChange(created.Lead with { Status = LeadStatus.Synced }, [new TimelineEntry(At.AddSeconds(1), "crm-sync", LeadEvents.Synced, "Upserted.")]), CancellationToken.None));
        var notice = new EscalationNotice { LeadId = created.Lead.Id, Level = 1, Recipient = "owner@example.com", RaisedAt = At, DeadlineAt = At };
        var withNotice = await _azurite.RequestsDuringAsync(_services, () =>
            Store.UpdateAsync(new LeadChange(synced.Lead! with { EscalationLevel = 1 }, []) { Notices = [notice] }, CancellationToken.None));

        Assert.False(created.AlreadyExisted);
        var insert = Assert.Single(LeadsAndBatches(create));
        Assert.StartsWith("POST ", insert, StringComparison.Ordinal);
        Assert.EndsWith("Leads", insert, StringComparison.Ordinal);
        Assert.Equal(LeadUpdateStatus.Updated, synced.Status);
        Assert.StartsWith("PUT ", Assert.Single(LeadsAndBatches(update)), StringComparison.Ordinal);
        Assert.EndsWith("$batch", Assert.Single(LeadsAndBatches(withNotice)), StringComparison.Ordinal);
        var stored = await Store.GetAsync(created.Lead.Id, CancellationToken.None);
        Assert.Equal(LeadStatus.Synced, stored!.Status);
        Assert.Equal(1, stored.EscalationLevel);
    }

    [Fact]
    public async Task The_plain_requests_conflicts_mean_a_duplicate_a_stale_version_and_a_missing_lead()
    {
        var created = await Store.CreateAsync(NewLead("twice"), CancellationToken.None);
        var moved = await Store.UpdateAsync(new LeadChange(created.Lead with { Status = LeadStatus.Synced }, []), CancellationToken.None);

        var again = await Store.CreateAsync(NewLead("twice"), CancellationToken.None);
        var stale = await Store.UpdateAsync(new LeadChange(created.Lead with { Status = LeadStatus.Recycled }, []), CancellationToken.None);
        var missing = await Store.UpdateAsync(new LeadChange(NewLead("never").Lead with { ETag = created.Lead.ETag }, []), CancellationToken.None);

        Assert.Equal(LeadUpdateStatus.Updated, moved.Status);
        Assert.True(again.AlreadyExisted);
        Assert.Equal(LeadStatus.Synced, again.Lead.Status);
        Assert.Equal(LeadUpdateStatus.Conflict, stale.Status);
        Assert.Equal(LeadUpdateStatus.NotFound, missing.Status);
    }
}
