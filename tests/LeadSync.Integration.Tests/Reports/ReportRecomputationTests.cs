using System.Globalization;
using LeadSync.Core.Leads;
using LeadSync.Core.Reports;
using LeadSync.Core.Storage;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Reports;

/// <summary>
/// Property: for any set of stored leads (random sources, campaigns, owners, statuses, times, SLA results, attempts and
/// test flags; one seed per case), every figure of the report read from the index equals a recomputation from the
/// leads read back from the lead table — for every grouping and for random filters. The recomputation below is written
/// from the README's report definitions, independently of <see cref="FunnelReport"/>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReportRecomputationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 10, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Sources = ["generic", "linkedin", "google-ads"];
    private static readonly string?[] Campaigns = [null, "spring", "Fall"];
    private static readonly string?[] Owners = [null, "ana@example.com", "ben@example.com", "cy@example.com"];
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString, start: Start);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task Every_figure_equals_a_recomputation_from_the_stored_leads(int seed)
    {
        var random = new Random(seed);
        var ids = new List<string>();
        var count = random.Next(20, 70);
        for (var n = 0; n < count; n++)
        {
            var lead = RandomLead(random, $"s{seed}-{n}");
            var created = await _services.Get<ILeadStore>().CreateAsync(new LeadChange(lead, []), CancellationToken.None);
            Assert.False(created.AlreadyExisted);
            ids.Add(lead.Id);
        }

        var stored = new List<Lead>();
        foreach (var id in ids)
        {
            stored.Add((await _services.Get<ILeadStore>().GetAsync(id, CancellationToken.None))!);
        }

        var from = DateOnly.FromDateTime(Start.UtcDateTime);
        var to = from.AddDays(27);
        for (var q = 0; q < 12; q++)
        {
            var query = new FunnelQuery(from.AddDays(random.Next(0, 3)), to.AddDays(-random.Next(0, 3)), (FunnelGroupBy)random.Next(0, 5))
            {
                Source = random.Next(4) == 0 ? Sources[random.Next(Sources.Length)].ToUpperInvariant() : null,
                Campaign = random.Next(5) == 0 ? Campaigns[random.Next(Campaigns.Length)] ?? FunnelReport.Unassigned : null,
                Owner = random.Next(5) == 0 ? Owners[random.Next(Owners.Length)] ?? FunnelReport.Unassigned : null,
                IncludeTest = random.Next(3) == 0,
            };

            var report = await _services.Get<FunnelReport>().BuildAsync(query, CancellationToken.None);

            var counted = stored.Where(l => InQuery(query, l)).ToList();
            var expected = counted
                .GroupBy(l => Key(query.GroupBy, l), StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToList();
            Assert.Equal(expected.Select(g => g.Key), report.Groups.Select(g => g.Key));
            foreach (var (group, actual) in expected.Zip(report.Groups))
            {
                AssertFigures([.. group], actual, $"seed {seed}, query {query}, group {group.Key}");
            }

            AssertFigures(counted, report.Total!, $"seed {seed}, query {query}, total");
            var withTouch = counted.Where(l => l.FirstTouchAt is not null).ToList();
            Assert.Equal(withTouch.Count, report.FirstTouchDistribution.Sum(b => b.Elapsed));
            Assert.Equal(counted.Count(l => l.BusinessMinutesToFirstTouch is not null), report.FirstTouchDistribution.Sum(b => b.Business));
        }
    }

    private static void AssertFigures(List<Lead> leads, FunnelGroup actual, string context)
    {
        var synced = leads.Count(l => l.SyncedAt is not null);
        var met = leads.Count(l => l.SlaMet == true);
        var missed = leads.Count(l => l.SlaMet == false);
        var attempts = leads.Sum(l => l.ContactAttempts);
        var expected = new
        {
            Received = leads.Count,
            SalesReady = leads.Count(l => l.Status is not LeadStatus.Received and not LeadStatus.Nurture),
            Synced = synced,
            Contacted = leads.Count(l => l.FirstTouchAt is not null),
            Converted = leads.Count(l => l.Status == LeadStatus.Converted),
            Recycled = leads.Count(l => l.Status == LeadStatus.Recycled),
            Dropped = leads.Count(l => l.Status == LeadStatus.Disqualified),
            SlaMet = met,
            SlaMissed = missed,
            SlaMetPercent = met + missed == 0 ? (double?)null : Math.Round(met * 100.0 / (met + missed), 1),
            Attempts = attempts,
            AttemptsPerLead = synced == 0 ? (double?)null : Math.Round(attempts / (double)synced, 2),
            Business = Percentiles(leads.Where(l => l.BusinessMinutesToFirstTouch is not null).Select(l => l.BusinessMinutesToFirstTouch!.Value * 60.0)),
            Elapsed = Percentiles(leads.Where(l => l.FirstTouchAt is not null).Select(l => (l.FirstTouchAt!.Value - l.ReceivedAt).TotalSeconds)),
            System = Percentiles(leads.Where(l => l.SyncedAt is not null).Select(l => (l.SyncedAt!.Value - l.ReceivedAt).TotalSeconds)),
            Human = Percentiles(leads.Where(l => l.SyncedAt is not null && l.FirstTouchAt is not null).Select(l => (l.FirstTouchAt!.Value - l.SyncedAt!.Value).TotalSeconds)),
            Statuses = string.Join(',', Enum.GetValues<LeadStatus>().Select(s => leads.Count(l => l.Status == s))),
        };
        var got = new
        {
            actual.Received,
            actual.SalesReady,
            actual.Synced,
            actual.Contacted,
            actual.Converted,
            actual.Recycled,
            actual.Dropped,
            actual.SlaMet,
            actual.SlaMissed,
            actual.SlaMetPercent,
            actual.Attempts,
            actual.AttemptsPerLead,
            Business = (actual.BusinessTimeToFirstTouch.Count, actual.BusinessTimeToFirstTouch.MedianSeconds, actual.BusinessTimeToFirstTouch.P90Seconds),
            Elapsed = (actual.TimeToFirstTouch.Count, actual.TimeToFirstTouch.MedianSeconds, actual.TimeToFirstTouch.P90Seconds),
            System = (actual.SystemLatency.Count, actual.SystemLatency.MedianSeconds, actual.SystemLatency.P90Seconds),
            Human = (actual.HumanLatency.Count, actual.HumanLatency.MedianSeconds, actual.HumanLatency.P90Seconds),
            Statuses = string.Join(',', Enum.GetValues<LeadStatus>().Select(s => actual.ByStatus[s.ToString()])),
        };
        Assert.True(expected.Equals(got), $"{context}:\nexpected {expected}\nactual   {got}");
    }

    /// <summary>Nearest-rank median and 90th percentile: the k-th smallest sample with k = ⌈p·n⌉.</summary>
    private static (int, double?, double?) Percentiles(IEnumerable<double> samples)
    {
        var sorted = samples.OrderBy(s => s).ToList();
        if (sorted.Count == 0)
        {
            return (0, null, null);
        }

        double Rank(double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
        return (sorted.Count, Rank(0.5), Rank(0.9));
    }

    private static bool InQuery(FunnelQuery query, Lead lead)
    {
        var day = DateOnly.FromDateTime(lead.ReceivedAt.UtcDateTime);
        return day >= query.From && day <= query.To
            && (query.IncludeTest || !lead.IsTest)
            && Matches(query.Source, lead.Source)
            && Matches(query.Campaign, lead.Campaign)
            && Matches(query.Owner, lead.Owner);
    }

    private static bool Matches(string? filter, string? value) =>
        filter is null || (filter == "(none)" ? value is null : string.Equals(filter, value, StringComparison.OrdinalIgnoreCase));

    private static string Key(FunnelGroupBy groupBy, Lead lead) => groupBy switch
    {
        FunnelGroupBy.Campaign => lead.Campaign ?? "(none)",
        FunnelGroupBy.Owner => lead.Owner ?? "(none)",
        FunnelGroupBy.Team => "(none)",
        FunnelGroupBy.Week => IsoWeek(lead.ReceivedAt.UtcDateTime.Date),
        _ => lead.Source,
    };

    private static string IsoWeek(DateTime day)
    {
        // ISO 8601: the week belongs to the year of its Thursday.
        var thursday = day.AddDays(3 - ((int)day.DayOfWeek + 6) % 7);
        var week = (thursday.DayOfYear - 1) / 7 + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{thursday.Year:D4}-W{week:D2}");
    }

    private static Lead RandomLead(Random random, string key)
    {
        var source = Sources[random.Next(Sources.Length)];
        var received = Start.AddDays(random.Next(0, 28)).AddMinutes(random.Next(0, 24 * 60));
        var status = (LeadStatus)random.Next(0, 8);
        var synced = status is LeadStatus.Synced or LeadStatus.Contacted or LeadStatus.Converted or LeadStatus.Recycled
            || (status == LeadStatus.Disqualified && random.Next(2) == 0);
        var syncedAt = synced ? received.AddSeconds(random.Next(1, 600)) : (DateTimeOffset?)null;
        var touched = syncedAt is not null && (status is LeadStatus.Contacted or LeadStatus.Converted || random.Next(3) == 0);
        var touchedAt = touched ? syncedAt!.Value.AddMinutes(random.Next(1, 600)) : (DateTimeOffset?)null;
        return new Lead
        {
            Id = LeadIdFactory.FromDelivery(source, key),
            Source = source,
            DeliveryKey = key,
            ReceivedAt = received,
            StatusChangedAt = received,
            Contact = new ContactDetails { Email = $"{key}@example.com" },
            Status = status,
            Campaign = Campaigns[random.Next(Campaigns.Length)],
            Owner = synced ? Owners[random.Next(Owners.Length)] : null,
            IsTest = random.Next(8) == 0,
            SyncedAt = syncedAt,
            SlaDueAt = synced ? received.AddHours(1) : null,
            FirstTouchAt = touchedAt,
            BusinessMinutesToFirstTouch = touched ? random.Next(0, 300) : null,
            SlaMet = touched ? touchedAt <= received.AddHours(1) : synced && random.Next(3) == 0 ? false : null,
            EscalationLevel = synced ? random.Next(0, 3) : 0,
            ContactAttempts = synced ? random.Next(0, 6) : 0,
        };
    }
}
