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

    /// <summary>
    /// Seeds that found bugs, replayed on every run: the named case after every earlier signed case of the same kind
    /// (the collisions that made it fail need them), one at a time in index order.
    /// unbounce:144 — a double-encoded escape (<c>%25%32%35</c>) in an e-mail inside <c>data.json</c>: the lead was
    /// right, R5's body search did not decode JSON inside form fields. google-ads:239 — its <c>lead_id</c> (an awkward
    /// string) repeats case 125's, so it is a redelivery of that lead by contract; R5 now knows. marketo:174 — a
    /// duplicate <c>email</c> member: the first value (<c>dup@example.com</c>, an earlier case's lead) took the
    /// submission and the id the 202 named read back as 404; duplicate members are now 400, and an id filed under an
    /// earlier lead reads back as that lead. marketo:2214 (long mode) — an injected <c>X-LeadSync-Secret</c> header held the
    /// real secret, so the unsigned-looking request was authentic and its 202 right; R5's last rule now knows that.
    /// </summary>
    [Theory]
    [InlineData(952534159, "unbounce", 144)]
    [InlineData(3333, "google-ads", 239)]
    [InlineData(11, "marketo", 174)]
    [InlineData(1237357035, "marketo", 2214)]
    public async Task Seeds_that_found_bugs_stay_fixed(int seed, string source, int index)
    {
        var dialect = SourceDialects.Named(source);
        var named = HostileCaseGenerator.Build(dialect, seed, index);
        var cases = Enumerable.Range(0, index).Select(i => HostileCaseGenerator.Build(dialect, seed, i))
            .Where(c => c.Kind == named.Kind && c.Auth == AuthMode.Signed).Append(named).ToList();
        var sender = new HostileSender(fixture.Host, fixture.Client);
        var failures = new List<string>();
        foreach (var hostile in cases)
        {
            fixture.EmailsSent.Add(hostile.Sample.Email);
            var outcome = await sender.SendAsync(hostile);
            var wrong = HostileOracle.Judge(hostile, dialect, outcome) ?? await CheckLeadsAsync(hostile, dialect, outcome);
            if (wrong is not null)
            {
                failures.Add($"{hostile.Replay}: {wrong}");
            }
        }

        output.WriteLine($"R5 regression {source}:{index} seed {seed}: {cases.Count} cases replayed");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
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
                wrong ??= await CheckLeadsAsync(hostile, dialect, outcome);

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

    /// <summary>For a 202: every lead it names reads back with an e-mail or phone from the body (see <see cref="HostileLeadCheck"/>).</summary>
    private async Task<string?> CheckLeadsAsync(HostileCase hostile, SourceDialect dialect, HostileOutcome outcome)
    {
        if (outcome.Status != 202)
        {
            return null;
        }

        var ids = HostileOracle.LeadIds(outcome);
        foreach (var id in ids)
        {
            fixture.NamedBy.GetOrAdd(id, _ => []).Add(hostile);
        }

        return await HostileLeadCheck.CheckAsync(fixture.Client, fixture.Host.BaseUrl, fixture.Host.AdminKey, hostile, dialect, ids,
            id => fixture.NamedBy.TryGetValue(id, out var named) ? named : []);
    }
}
