using LeadSync.Core.Crm;
using LeadSync.Core.Jobs;
using LeadSync.Core.Recycle;
using LeadSync.Core.Reports;
using LeadSync.Core.Storage;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Reports;

/// <summary>
/// A known data set seeded through the real intake, sync, SLA sweep, CRM-event and recycle use cases on a fake
/// clock, so every figure and percentile of the report has an exact expected value.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunnelReportTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 11, 23);
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString, start: Start);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private Task Crm(string id, CrmLeadState state) =>
        _services.Get<CrmEventProcessor>().ApplyAsync("sandbox", new CrmEvent(id, state, null, null), CancellationToken.None);

    private void At(int hour, int minute) => _services.Time.SetUtcNow(Start.AddHours(hour - Start.Hour).AddMinutes(minute));

    /// <summary>
    /// Five leads at 09:00, synced at 09:02 (first-touch SLA 1 h → due 10:00):
    /// a contacted 09:30, d converted 09:45, sweep at 10:01 escalates b, c, e; b contacted 11:00 (late);
    /// e put in a CRM nurture status at 12:00 and recycled; c never touched.
    /// </summary>
    private async Task<Dictionary<string, string>> SeedAsync()
    {
        var ids = new Dictionary<string, string>();
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            ids[name] = await Pipeline.IntakeAsync(_services, $"{name}@example.com");
        }

        At(9, 2);
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        At(9, 30);
        await Crm(ids["a"], CrmLeadState.Contacted);
        At(9, 45);
        await Crm(ids["d"], CrmLeadState.Converted);
        At(10, 1);
        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);
        At(11, 0);
        await Crm(ids["b"], CrmLeadState.Contacted);
        At(12, 0);
        await Crm(ids["e"], CrmLeadState.Nurture);
        await Pipeline.RunJobAsync(_services, JobNames.Recycle);
        return ids;
    }

    [Fact]
    public async Task The_report_matches_the_known_answers_of_the_seeded_data_set()
    {
        await SeedAsync();

        var result = await _services.Get<FunnelReport>().BuildAsync(new FunnelQuery(Day, Day, FunnelGroupBy.Source), CancellationToken.None);

        var g = Assert.Single(result.Groups);
        Assert.Equal("generic", g.Key);
        Assert.Equal(5, g.Received);
        Assert.Equal(5, g.SalesReady);
        Assert.Equal(5, g.Synced);
        Assert.Equal(2, g.ContactedWithinSla);
        Assert.Equal(1, g.ContactedLate);
        Assert.Equal(2, g.NeverContacted);
        Assert.Equal(3, g.Escalated);
        Assert.Equal(3, g.InProgress);
        Assert.Equal(1, g.Converted);
        Assert.Equal(new Dictionary<string, int> { [RecycleReasons.CrmNurtureStatus] = 1 }, g.RecycledByReason);
        Assert.Equal(0, g.ReEngaged);
        Assert.Equal(new LatencyStats(3, 45 * 60, 120 * 60), g.TimeToFirstTouch);
        Assert.Equal(new LatencyStats(5, 120, 120), g.SystemLatency);
        Assert.Equal(new LatencyStats(3, 43 * 60, 118 * 60), g.HumanLatency);
    }

    [Fact]
    public async Task Days_outside_the_range_are_not_read_and_a_re_engaged_cycle_counts_on_its_own_day()
    {
        var ids = await SeedAsync();
        _services.Time.SetUtcNow(Start.AddDays(2));
        await Pipeline.IntakeAsync(_services, "e@example.com", "msg_back");

        var before = await _services.Get<FunnelReport>().BuildAsync(new FunnelQuery(Day.AddDays(-1), Day.AddDays(-1), FunnelGroupBy.Owner), CancellationToken.None);
        var later = await _services.Get<FunnelReport>().BuildAsync(new FunnelQuery(Day.AddDays(1), Day.AddDays(2), FunnelGroupBy.Source), CancellationToken.None);
        var first = await _services.Get<FunnelReport>().BuildAsync(new FunnelQuery(Day, Day, FunnelGroupBy.Source), CancellationToken.None);

        Assert.Empty(before.Groups);
        var cycle = Assert.Single(later.Groups);
        Assert.Equal(1, cycle.Received);
        Assert.Equal(1, cycle.ReEngaged);
        Assert.Equal(1, cycle.InProgress);
        Assert.Equal(1, first.Groups[0].RecycledByReason[RecycleReasons.CrmNurtureStatus]);
        Assert.NotNull(ids["e"]);
    }
}
