using LeadSync.Core.Admin.Audit;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Admin;

/// <summary>The audit log's table (<c>AuditLog</c>, month partitions, newest first) against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuditLogStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 10, 31, 17, 0, 0, TimeSpan.Zero);
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString, start: Start);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private IAuditLog Log => _services.Get<IAuditLog>();

    /// <summary>Seven actions two hours apart, across the October/November month boundary, by two admins.</summary>
    private async Task<List<AuditEntry>> SeedAsync()
    {
        var recorder = _services.Get<AuditRecorder>();
        var entries = new List<AuditEntry>();
        for (var i = 0; i < 7; i++)
        {
            var started = await recorder.BeginAsync(i % 2 == 0 ? "key:aaaaaaaaaaaa" : "entra:ada@example.com",
                i % 3 == 0 ? AuditActions.JobRun : AuditActions.ConfigChange, $"target {i}", CancellationToken.None);
            entries.Add(await recorder.CompleteAsync(started, AuditStatus.Completed, $"200 OK: step {i}"));
            _services.Time.Advance(TimeSpan.FromHours(2));
        }

        return entries;
    }

    [Fact]
    public async Task Entries_come_back_newest_first_across_month_partitions_with_their_completed_outcome()
    {
        var seeded = await SeedAsync();

        var page = await Log.QueryAsync(new AuditQuery { PageSize = 50 }, CancellationToken.None);

        Assert.Equal(seeded.Select(e => e.Id).Reverse(), page.Entries.Select(e => e.Id));
        Assert.Null(page.ContinuationToken);
        var newest = page.Entries[0];
        Assert.Equal(("key:aaaaaaaaaaaa", AuditActions.JobRun, "target 6", AuditStatus.Completed, "200 OK: step 6"),
            (newest.Actor, newest.Action, newest.Target, newest.Status, newest.Outcome));
        Assert.Equal(seeded[6].At, newest.At);
        Assert.NotNull(newest.CompletedAt);
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_repeats()
    {
        var seeded = await SeedAsync();
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Log.QueryAsync(new AuditQuery { PageSize = 3, ContinuationToken = token }, CancellationToken.None);
            Assert.True(Log.IsContinuationToken(page.ContinuationToken ?? page.Entries[^1].Id));
            seen.AddRange(page.Entries.Select(e => e.Id));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(seeded.Select(e => e.Id).Reverse(), seen);
    }

    [Fact]
    public async Task Action_actor_and_time_range_filters_combine()
    {
        var seeded = await SeedAsync();

        var jobs = await Log.QueryAsync(new AuditQuery { Action = AuditActions.JobRun }, CancellationToken.None);
        var byKey = await Log.QueryAsync(new AuditQuery { Actor = "key:aaaaaaaaaaaa", Action = AuditActions.ConfigChange }, CancellationToken.None);
        var november = await Log.QueryAsync(new AuditQuery { From = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), To = seeded[6].At }, CancellationToken.None);

        Assert.Equal(["target 6", "target 3", "target 0"], jobs.Entries.Select(e => e.Target));
        Assert.Equal(["target 4", "target 2"], byKey.Entries.Select(e => e.Target));
        Assert.Equal(["target 5", "target 4"], november.Entries.Select(e => e.Target));
    }

    [Fact]
    public async Task An_action_whose_outcome_was_never_written_stays_listed_as_started()
    {
        var started = await _services.Get<AuditRecorder>().BeginAsync("key:aaaaaaaaaaaa", AuditActions.Erasure, "subject by e-mail", CancellationToken.None);

        var entry = Assert.Single((await Log.QueryAsync(new AuditQuery(), CancellationToken.None)).Entries);

        Assert.Equal(started.Id, entry.Id);
        Assert.Equal(AuditStatus.Started, entry.Status);
        Assert.Null(entry.CompletedAt);
    }
}
