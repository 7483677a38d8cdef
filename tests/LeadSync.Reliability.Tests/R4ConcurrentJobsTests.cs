using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using LeadSync.Testing;
using Xunit.Abstractions;

namespace LeadSync.Reliability.Tests;

/// <summary>
/// R4: two portable hosts on one Azurite, each running the SLA sweep and the recycle job every second on its own timer,
/// while admins fire more runs of both jobs at both hosts at once. Leads with a seconds-long SLA climb a three-level
/// ladder and are then recycled (<c>sla-missed</c>). Each (lead, level) is escalated and notified exactly once (counted
/// at a real HTTP receiver of the notification webhook), and each lead is recycled and handed to nurture exactly once.
/// </summary>
public sealed class R4ConcurrentJobsTests(ITestOutputHelper output)
{
    private const int Levels = 3;

    [Fact]
    public async Task Concurrent_sweeps_and_recycle_runs_notify_once_per_level_and_recycle_once()
    {
        var clock = Stopwatch.StartNew();
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var receiver = await HttpReceiver.StartAsync();
        var settings = HostSettings.Merge(HostSettings.AllSources(), StorageSettings.For(azurite), ShortLadder(receiver.Url));
        var (one, two) = await StartTwoAsync(settings);
        await using var first = one;
        await using var second = two;
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        HostApi[] apis = [new(first, client), new(second, client)];
        var hostsUp = clock.Elapsed;
        var turn = 0;
        var plan = Enumerable.Range(0, ReliabilityScale.R4Leads)
            .Select(i => ($"msg_r4_{Guid.NewGuid():N}", $"r4-{i}-{Guid.NewGuid().ToString("N")[..6]}@example.com"))
            .ToList();

        using var stopRuns = new CancellationTokenSource();
        var runs = new ConcurrentBag<(string Job, HttpStatusCode? Status)>();
        var runners = Enumerable.Range(0, 4).Select(r => RunJobsAsync(apis[r % 2], r, runs, stopRuns.Token)).ToList();

        var outcomes = await LoadRunner.SendAsync(() => apis[Interlocked.Increment(ref turn) % 2], plan, parallelism: 8);
        var leadIds = outcomes.Where(o => o.Outcome.Status == 202).Select(o => o.Outcome.LeadId!).Distinct().ToList();
        Assert.Equal(plan.Count, leadIds.Count);
        var acceptedAt = clock.Elapsed;

        var done = await apis[0].WaitForLeadsAsync(leadIds,
            l => HostApi.Status(l) == "Recycled" && HostApi.Count(l, "marketing.nurture-pushed") == 1, ReliabilityScale.Patience);
        Assert.Equal(leadIds.Count, done.Count);
        var recycledAt = clock.Elapsed;

        // Keep the timers and the extra runs going a little longer: a late double would show up now.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await stopRuns.CancelAsync();
        await Task.WhenAll(runners);
        var leads = await apis[1].WaitForLeadsAsync(leadIds, _ => true, TimeSpan.FromSeconds(30));
        var notified = receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement)
            .GroupBy(n => (LeadId: n.GetProperty("leadId").GetString()!, Level: n.GetProperty("level").GetInt32()))
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.All(runs, r => Assert.True(r.Status == HttpStatusCode.OK, $"A manual {r.Job} run answered {r.Status}."));
        Assert.Equal(leadIds.Count, leads.Count);
        foreach (var (id, lead) in leads)
        {
            var escalations = EscalatedLevels(lead);
            Assert.True(escalations.Order().SequenceEqual(Enumerable.Range(1, Levels)), $"{id} escalated at levels [{string.Join(',', escalations)}].");
            Assert.Equal(Levels, lead.GetProperty("highestLevelReached").GetInt32());
            Assert.All(Enumerable.Range(1, Levels), level =>
                Assert.True(notified.GetValueOrDefault((id, level)) == 1, $"{id} level {level} notified {notified.GetValueOrDefault((id, level))} times."));
            Assert.Equal("Recycled", HostApi.Status(lead));
            Assert.Equal(1, HostApi.Count(lead, "lead.recycled"));
            Assert.Equal(1, HostApi.Count(lead, "marketing.nurture-pushed"));
            Assert.Equal(1, lead.GetProperty("recycleCount").GetInt32());
            Assert.Equal("sla-missed", lead.GetProperty("recycleReason").GetString());
        }

        Assert.Equal(leadIds.Count * Levels, receiver.Received.Count);
        var lastLevelToRecycle = leads.Values.Select(l => At(l, "lead.recycled") - At(l, "sla.escalated")).Order().ToList();
        var lastLevelLate = leads.Values.Select(l => At(l, "sla.escalated") - (l.GetProperty("slaDueAt").GetDateTimeOffset() + TimeSpan.FromSeconds(4))).Order().ToList();

        output.WriteLine(
            $"R4 figures: hosts=2 leads={leadIds.Count} notifications={receiver.Received.Count} manualRuns={runs.Count} " +
            $"(sla-sweep {runs.Count(r => r.Job == "sla-sweep")}, recycle {runs.Count(r => r.Job == "recycle")}; 4 at a time) plus each host's timers every second; " +
            $"lastLevelLate median={lastLevelLate[lastLevelLate.Count / 2].TotalSeconds:F1}s max={lastLevelLate[^1].TotalSeconds:F1}s " +
            $"lastLevelToRecycle median={lastLevelToRecycle[lastLevelToRecycle.Count / 2].TotalSeconds:F0}s max={lastLevelToRecycle[^1].TotalSeconds:F0}s " +
            $"hostsUp={hostsUp.TotalSeconds:F0}s accepted={acceptedAt.TotalSeconds:F0}s allRecycled={recycledAt.TotalSeconds:F0}s total={clock.Elapsed.TotalSeconds:F0}s");
    }

    /// <summary>Seconds-long SLA with a three-level ladder, sweep and recycle every second, escalations to <paramref name="receiver"/>.</summary>
    private static Dictionary<string, string> ShortLadder(Uri receiver) => new()
    {
        ["LeadSync__Sla__FirstTouch"] = "00:00:03",
        ["LeadSync__Sla__SweepSchedule"] = "* * * * * *",
        ["LeadSync__Sla__Levels__0__After"] = "00:00:00",
        ["LeadSync__Sla__Levels__0__Recipient"] = "owner",
        ["LeadSync__Sla__Levels__1__After"] = "00:00:02",
        ["LeadSync__Sla__Levels__1__Recipient"] = "manager",
        ["LeadSync__Sla__Levels__2__After"] = "00:00:04",
        ["LeadSync__Sla__Levels__2__Recipient"] = "team",
        ["LeadSync__Recycle__Schedule"] = "* * * * * *",
        ["LeadSync__Recycle__AfterLastLevel"] = "00:00:03",
        ["LeadSync__Notifications__WebhookUrl"] = receiver.ToString(),
        ["LeadSync__Host__MaxPollingInterval"] = "00:00:00.500",
    };

    /// <summary>Starts both hosts at once (start-up dominates the test's time); if one fails, the other is stopped.</summary>
    private static async Task<(PortableHostProcess, PortableHostProcess)> StartTwoAsync(IReadOnlyDictionary<string, string> settings)
    {
        var starts = new[] { PortableHostProcess.StartAsync(settings), PortableHostProcess.StartAsync(settings) };
        try
        {
            await Task.WhenAll(starts);
        }
        catch (InvalidOperationException)
        {
            foreach (var started in starts.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }

        return (starts[0].Result, starts[1].Result);
    }

    /// <summary>Runs the SLA sweep and the recycle job alternately on one host until stopped (a short pause between runs).</summary>
    private static async Task RunJobsAsync(HostApi api, int runner, ConcurrentBag<(string, HttpStatusCode?)> runs, CancellationToken stop)
    {
        for (var i = runner; !stop.IsCancellationRequested; i++)
        {
            var job = i % 2 == 0 ? "sla-sweep" : "recycle";
            try
            {
                runs.Add((job, await api.RunJobAsync(job)));
            }
            catch (HttpRequestException)
            {
                runs.Add((job, null));
            }

            await Task.Delay(50, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>When the lead's latest timeline entry of <paramref name="timelineEvent"/> was written.</summary>
    private static DateTimeOffset At(JsonElement lead, string timelineEvent) =>
        lead.GetProperty("timeline").EnumerateArray()
            .Where(e => e.GetProperty("event").GetString() == timelineEvent)
            .Max(e => e.GetProperty("at").GetDateTimeOffset());

    private static List<int> EscalatedLevels(JsonElement lead) =>
        lead.GetProperty("timeline").EnumerateArray()
            .Where(e => e.GetProperty("event").GetString() == "sla.escalated")
            .Select(e => int.Parse(e.GetProperty("detail").GetString()!.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
}
