using LeadSync.Core.Leads;
using LeadSync.Core.Reports;
using LeadSync.Core.Storage;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Reports;

/// <summary>
/// Vendor test leads (Google Ads <c>is_test</c>) are stored and visible, and their report row is marked as a test: the
/// funnel report leaves them out unless <c>includeTest</c> is asked for.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TestLeadExclusionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private LeadChange NewLead(string key, bool isTest)
    {
        var at = _services.Time.GetUtcNow();
        var lead = new Lead
        {
            Id = LeadIdFactory.FromDelivery("google-ads", key),
            Source = "google-ads",
            DeliveryKey = key,
            ReceivedAt = at,
            StatusChangedAt = at,
            Contact = new ContactDetails { Email = $"{key}@example.com" },
            IsTest = isTest,
        };
        return LeadLifecycle.Transition(lead, LeadStatus.SalesReady, at, "qualification", "test");
    }

    [Fact]
    public async Task A_test_lead_is_stored_but_not_counted_in_the_report_unless_asked_for()
    {
        await _services.Get<ILeadStore>().CreateAsync(NewLead("real", isTest: false), CancellationToken.None);
        await _services.Get<ILeadStore>().CreateAsync(NewLead("tester", isTest: true), CancellationToken.None);
        var day = FunnelRow.DayOf(_services.Time.GetUtcNow());

        var rows = await _services.Get<IFunnelIndex>().ReadAsync(day, day, CancellationToken.None);
        var byDefault = await _services.Get<FunnelReport>().BuildAsync(new FunnelQuery(day, day, FunnelGroupBy.Source), CancellationToken.None);
        var withTest = await _services.Get<FunnelReport>().BuildAsync(new FunnelQuery(day, day, FunnelGroupBy.Source) { IncludeTest = true }, CancellationToken.None);

        Assert.Equal([false, true], rows.OrderBy(r => r.IsTest).Select(r => r.IsTest));
        Assert.Equal(1, Assert.Single(byDefault.Groups).Received);
        Assert.Equal(2, Assert.Single(withTest.Groups).Received);
        Assert.NotNull(await _services.Get<ILeadStore>().GetAsync(LeadIdFactory.FromDelivery("google-ads", "tester"), CancellationToken.None));
    }
}
