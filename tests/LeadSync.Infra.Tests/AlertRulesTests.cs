using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using LeadSync.Core.Telemetry;
using LeadSync.Infra.Tests.Support;

namespace LeadSync.Infra.Tests;

/// <summary>
/// Issue 18: the Azure Monitor alerts exist, go to the e-mail action group, and watch only metrics the code emits (an
/// alert on a misspelt or removed metric would never fire).
/// </summary>
[Collection(SnapshotCollection.Name)]
public sealed partial class AlertRulesTests(DeploymentSnapshot snapshot)
{
    private static readonly string SourceRoot = RepositoryRoot.Combine("src");

    [Fact]
    public void The_four_alerts_exist_and_notify_the_action_group()
    {
        var rules = snapshot.Resources("Microsoft.Insights/scheduledQueryRules").ToList();
        var group = snapshot.SingleResource("Microsoft.Insights/actionGroups");

        Assert.Equal(
            ["crm-paused", "dead-letter", "sla-sweep-missed", "sync-lag"],
            rules.Select(r => r.GetProperty("name").GetString()!.Split('-', 3)[2]).Order(StringComparer.Ordinal));
        Assert.All(rules, r => Assert.Single(r.GetProperty("properties").GetProperty("actions").GetProperty("actionGroups").EnumerateArray()));
        Assert.Equal("global", group.GetProperty("location").GetString());
        var windows = rules.ToDictionary(r => r.GetProperty("name").GetString()!.Split('-', 3)[2], r => r.GetProperty("properties").GetProperty("windowSize").GetString());
        Assert.Equal("PT15M", windows["dead-letter"]);
        Assert.Equal("PT30M", windows["crm-paused"]);
    }

    [Fact]
    public void Every_metric_an_alert_uses_is_an_instrument_the_code_publishes_and_records()
    {
        var queried = snapshot.Resources("Microsoft.Insights/scheduledQueryRules")
            .SelectMany(r => r.GetProperty("properties").GetProperty("criteria").GetProperty("allOf").EnumerateArray())
            .SelectMany(c => MetricName().Matches(c.GetProperty("query").GetString()!).Select(m => m.Groups["name"].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(4, queried.Count);

        var published = PublishedInstruments();
        var source = string.Join('\n', Directory.EnumerateFiles(SourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        Assert.All(queried, name =>
        {
            Assert.True(published.TryGetValue(name, out var instrument), $"No instrument named {name} on the LeadSync meter.");

            // An observable gauge reports on its own; a counter or histogram must be recorded somewhere in src/.
            var field = typeof(SyncTelemetry).GetFields().Single(f => f.GetValue(null) == instrument).Name;
            Assert.True(
                instrument.IsObservable || Regex.IsMatch(source, $@"SyncTelemetry\.{field}\.(Add|Record)\("),
                $"{name} ({field}) is defined but never recorded.");
        });
    }

    private static Dictionary<string, Instrument> PublishedInstruments()
    {
        RuntimeHelpers.RunClassConstructor(typeof(SyncTelemetry).TypeHandle);
        var found = new Dictionary<string, Instrument>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == LeadSyncTelemetry.Name)
                {
                    found[instrument.Name] = instrument;
                }
            },
        };
        listener.Start();
        return found;
    }

    [GeneratedRegex(@"name == ""(?<name>leadsync\.[a-z_.]+)""")]
    private static partial Regex MetricName();
}
