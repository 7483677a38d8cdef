using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace LeadSync.Reliability.Tests.Hostile;

/// <summary>
/// R5: generated hostile input per source over real HTTP against the portable host — random bytes, truncated JSON,
/// deep nesting, huge strings, wrong encodings, form-encoding tricks, oversized and chunked bodies, injected headers —
/// signed with the source's secret (so parsing is exercised), unsigned and signed wrongly. Never a 5xx, always
/// problem+json, a 2xx only for a lead that was in the body, and the host healthy afterwards.
/// Replay a failure with the LEADSYNC_R5_SEED and LEADSYNC_R5_CASE printed next to it.
/// </summary>
public sealed class R5HostileInputTests(HostileHostFixture fixture, ITestOutputHelper output) : IClassFixture<HostileHostFixture>
{
    public static TheoryData<string> Sources() => [.. SourceDialects.All.Select(d => d.Name)];

    [Fact]
    public async Task An_authentic_delivery_that_cannot_become_a_lead_is_quarantined_even_with_huge_headers()
    {
        // Quarantine keeps the headers: 18 KB of characters that JSON escapes sixfold must still fit the store.
        var body = "{\"type\":\"lead.created\",\"data\":{\"firstName\":\"No channel\"}}"u8.ToArray();
        var hostile = new HostileCase
        {
            Source = "generic",
            Index = -1,
            Seed = 0,
            Kind = "quarantine-huge-headers",
            Auth = AuthMode.Signed,
            Body = body,
            ContentType = "application/json",
            Secret = Secrets.Generic,
            Headers = [.. Enumerable.Range(0, 3).Select(i => new KeyValuePair<string, string>("X-Pad-" + i, new string('"', 6000)))],
            Sample = new LeadSample("q", "none@example.com", "No", "Channel", "-", null),
        };

        var outcome = await new HostileSender(fixture.Host, fixture.Client).SendAsync(hostile);

        Assert.True(outcome.Status == 422, $"{outcome.Status}: {outcome.Body}");
        Assert.Null(HostileOracle.Judge(hostile, SourceDialects.Named("generic"), outcome));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Hostile_input_never_gets_a_5xx_and_every_refusal_is_problem_json(string source)
    {
        var clock = Stopwatch.StartNew();
        var dialect = SourceDialects.Named(source);
        var sender = new HostileSender(fixture.Host, fixture.Client);
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var cases = HostileScale.Indices(source).Select(i => HostileCaseGenerator.Build(dialect, HostileScale.Seed, i)).ToList();
        using var gate = new SemaphoreSlim(HostileScale.Parallelism);
        await Task.WhenAll(cases.Select(async hostile =>
        {
            await gate.WaitAsync();
            try
            {
                fixture.EmailsSent.Add(hostile.Sample.Email);
                var outcome = await sender.SendAsync(hostile);
                statuses.AddOrUpdate(outcome.Status, 1, (_, n) => n + 1);
                var wrong = HostileOracle.Judge(hostile, dialect, outcome);
                if (wrong is null && outcome.Status == 202)
                {
                    wrong = await HostileLeadCheck.CheckAsync(fixture.Client, fixture.Host.BaseUrl, fixture.Host.AdminKey, hostile, dialect, HostileOracle.LeadIds(outcome));
                }

                if (wrong is not null)
                {
                    failures.Add($"{hostile.Replay}: {wrong}");
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        using var health = await fixture.Client.GetAsync(fixture.Host.Url("api/health"));
        output.WriteLine(
            $"R5 {source}: seed={HostileScale.Seed} cases={cases.Count} signed={cases.Count(c => c.Auth == AuthMode.Signed)} controls={cases.Count(c => c.IsControl)} " +
            $"statuses={string.Join(',', statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}:{p.Value}"))} failures={failures.Count} {clock.Elapsed.TotalSeconds:F0}s");
        if (!failures.IsEmpty)
        {
            // What the host logged about it (exception lines), to find the cause without a replay.
            foreach (var line in fixture.Host.Output.Where(l => l.Contains("Exception", StringComparison.Ordinal)).Distinct().Take(15))
            {
                output.WriteLine("host: " + line);
            }
        }

        Assert.True(failures.IsEmpty, $"R5 {source}, seed {HostileScale.Seed}: {failures.Count} of {cases.Count} cases broke the rules:\n" + string.Join('\n', failures.Take(25)));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(fixture.HostAlive, "The host process exited.");
        LogScan.AssertClean(fixture.Host.Output, fixture.EmailsSent, fixture.Host.AdminKey);
    }
}
