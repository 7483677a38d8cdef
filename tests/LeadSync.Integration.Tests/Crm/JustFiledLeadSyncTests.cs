using System.Collections.Concurrent;
using LeadSync.Core.Crm;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Core.Telemetry;
using LeadSync.Infrastructure.Storage;
using LeadSync.Integration.Tests.Storage;
using LeadSync.Testing;
using LeadSync.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;

namespace LeadSync.Integration.Tests.Crm;

/// <summary>
/// Issue 20, "no read that a write or an ETag can replace": the sync of a lead this process has just filed upserts the
/// version the filing wrote (<see cref="RecentLeadWrites"/>) without a GET of the lead row, and a change another
/// instance made in between (a second <see cref="TableLeadStore"/> over the same tables) is caught by the conditional
/// Synced write, re-read and respected.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class JustFiledLeadSyncTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, int> _upserts = new(StringComparer.Ordinal);
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = Create(new Dictionary<string, string?>());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task The_sync_of_a_lead_this_process_just_filed_sends_no_get_of_the_lead()
    {
        using var gets = new LeadRowGets();
        var id = await Pipeline.IntakeAsync(_services, "fresh@example.com");

        var handled = await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        var getsWhileFilingAndSyncing = gets.Of(id);
        var stored = await _services.Get<ILeadStore>().GetAsync(id, CancellationToken.None);

        Assert.Equal([id], handled);
        Assert.Equal(0, getsWhileFilingAndSyncing);
        Assert.Equal(1, _upserts[id]);
        Assert.Equal(LeadStatus.Synced, stored!.Status);
        Assert.Equal("crm-" + id, stored.CrmId);

        // The counter sees a GET of the row when one is sent: the read just above.
        Assert.Equal(1, gets.Of(id));
    }

    [Fact]
    public async Task With_the_bound_at_zero_the_sync_reads_the_lead_as_before()
    {
        await using var services = Create(new Dictionary<string, string?> { ["LeadSync:Storage:RecentLeadsMaxAge"] = "00:00:00" });
        using var gets = new LeadRowGets();
        var id = await Pipeline.IntakeAsync(services, "bound-zero@example.com");

        await Pipeline.DrainAsync(services, QueueNames.LeadSync);

        Assert.Equal(1, gets.Of(id));
        Assert.Equal(LeadStatus.Synced, (await services.Get<ILeadStore>().GetAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_lead_another_instance_changed_between_filing_and_sync_keeps_that_change_and_is_synced_on_the_latest_version()
    {
        var id = await Pipeline.IntakeAsync(_services, "changed-elsewhere@example.com");
        var other = OtherInstance();
        var theirs = await other.GetAsync(id, CancellationToken.None);
        Assert.Equal(LeadUpdateStatus.Updated, (await other.UpdateAsync(new LeadChange(theirs! with { Campaign = "set-elsewhere" }, []), CancellationToken.None)).Status);
        using var gets = new LeadRowGets();

        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);

        // The Synced write decided on the filed version failed on its ETag; the lead was read once and decided again.
        Assert.Equal(1, gets.Of(id));
        var stored = await other.GetAsync(id, CancellationToken.None);
        Assert.Equal(LeadStatus.Synced, stored!.Status);
        Assert.Equal("set-elsewhere", stored.Campaign);
        Assert.Equal("crm-" + id, stored.CrmId);
        Assert.Equal(1, stored.SyncAttempts);
        Assert.Equal(1, _upserts[id]);
    }

    [Fact]
    public async Task A_lead_another_instance_disqualified_between_filing_and_sync_stays_disqualified()
    {
        var id = await Pipeline.IntakeAsync(_services, "disqualified-elsewhere@example.com");
        var other = OtherInstance();
        var theirs = await other.GetAsync(id, CancellationToken.None);
        var disqualified = LeadLifecycle.Transition(theirs!, LeadStatus.Disqualified, DateTimeOffset.UtcNow, "admin", "Spam.");
        Assert.Equal(LeadUpdateStatus.Updated, (await other.UpdateAsync(disqualified, CancellationToken.None)).Status);
        var message = WorkMessage.Wrap(LeadSyncMessage.Of([id]));

        var outcome = await _services.Get<QueueWork>().HandleAsync(QueueNames.LeadSync, message, CancellationToken.None);

        // The upsert itself went out on the filed version, as it would have if the change had landed between a read
        // and the CRM's answer; the Synced write did not: the lead stays as the other instance left it.
        Assert.True(outcome.Completed, outcome.Detail);
        Assert.Equal("lead changed meanwhile", outcome.Detail);
        var stored = await other.GetAsync(id, CancellationToken.None);
        Assert.Equal(LeadStatus.Disqualified, stored!.Status);
        Assert.Null(stored.CrmId);
        Assert.Equal(0, stored.SyncAttempts);
    }

    [Fact]
    public async Task A_lead_another_instance_made_sales_ready_again_after_this_process_synced_it_is_read_again_and_synced()
    {
        var id = await Pipeline.IntakeAsync(_services, "again@example.com");
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        // The sync's own Synced write leaves nothing held: only a sales-ready version is kept.
        Assert.Null(_services.Get<IRecentLeadWrites>().Find(id));

        // Recycled and engaged again on another instance.
        var other = OtherInstance();
        var theirs = await other.GetAsync(id, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var recycled = LeadLifecycle.Transition(theirs!, LeadStatus.Recycled, now, "recycle", "No answer.");
        var again = LeadLifecycle.Transition(recycled.Lead, LeadStatus.SalesReady, now, "intake", "Engaged again.");
        Assert.Equal(LeadUpdateStatus.Updated, (await other.UpdateAsync(again with { Entries = [.. recycled.Entries, .. again.Entries] }, CancellationToken.None)).Status);
        using var gets = new LeadRowGets();

        var outcome = await _services.Get<QueueWork>().HandleAsync(QueueNames.LeadSync, WorkMessage.Wrap(LeadSyncMessage.Of([id])), CancellationToken.None);

        // "Already synced" is no decision to take on a held version: it writes nothing an ETag could check.
        Assert.True(outcome.Completed, outcome.Detail);
        Assert.Equal(1, gets.Of(id));
        Assert.Equal(2, _upserts[id]);
        Assert.Equal(LeadStatus.Synced, (await other.GetAsync(id, CancellationToken.None))!.Status);
    }

    private TestServices Create(Dictionary<string, string?> settings)
    {
        var crm = MockCrm.AnsweringEach(l =>
        {
            _upserts.AddOrUpdate(l.Id, 1, (_, n) => n + 1);
            return MockCrm.Taken(l);
        });
        return MockCrm.Services(azurite, crm, settings);
    }

    /// <summary>A second store over the same tables, as another process or Functions instance has.</summary>
    private TableLeadStore OtherInstance() =>
        new(new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = _services.Prefix })), TimeProvider.System);
}
