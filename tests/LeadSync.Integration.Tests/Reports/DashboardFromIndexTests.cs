using LeadSync.Core.Leads;
using LeadSync.Core.Reports;
using LeadSync.Testing;
using LeadSync.Web.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadSync.Integration.Tests.Reports;

/// <summary>
/// The console's dashboard reads the report index, not the lead table: rows without a stored lead are counted (the old
/// dashboard scanned at most 2,000 leads and found none here), test leads are left out, and nothing is truncated.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DashboardFromIndexTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString, start: Now);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task The_dashboard_counts_the_index_rows_of_its_window_and_leaves_test_leads_out()
    {
        var index = _services.Get<IFunnelIndex>();
        var received = Now.AddHours(-5);
        FunnelRow Row(string key, bool isTest, DateTimeOffset? touched) => new()
        {
            LeadId = LeadIdFactory.FromDelivery("generic", key),
            Day = FunnelRow.DayOf(received),
            Source = "generic",
            IsTest = isTest,
            Status = touched is null ? LeadStatus.Synced : LeadStatus.Contacted,
            ReceivedAt = received,
            SyncedAt = received.AddMinutes(1),
            SlaDueAt = received.AddHours(1),
            FirstTouchAt = touched,
        };
        Assert.True(await index.TryWriteAsync(Row("met", false, received.AddMinutes(20)), null, null, CancellationToken.None));
        Assert.True(await index.TryWriteAsync(Row("late", false, received.AddHours(2)), null, null, CancellationToken.None));
        Assert.True(await index.TryWriteAsync(Row("waiting", false, null), null, null, CancellationToken.None));
        Assert.True(await index.TryWriteAsync(Row("test", true, received.AddMinutes(3)), null, null, CancellationToken.None));

        var context = new DefaultHttpContext { RequestServices = _services.Services };
        context.Request.QueryString = new QueryString("?days=2");
        var result = await _services.Get<DashboardEndpoints>().GetAsync(context.Request, CancellationToken.None);

        var view = Assert.IsType<Ok<DashboardView>>(result).Value!;
        Assert.Equal(3, view.Evaluated);
        Assert.False(view.Truncated);
        var today = view.Compliance[^1];
        Assert.Equal((1, 2, 0), (today.Met, today.Breached, today.Pending));
        Assert.Equal(2, view.FirstTouch.Sum(b => b.Count));
        Assert.Equal(3, Assert.Single(view.Funnel).Statuses.Values.Sum());
    }
}
