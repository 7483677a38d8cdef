using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using LeadSync.Testing;
using LeadSync.Testing.Crm;

namespace LeadSync.EndToEnd.Tests;

/// <summary>
/// Speed to lead under steady traffic (issue 20): webhooks that keep arriving must not hold filing back. A steady
/// stream never leaves intake idle, so filing that waited for quiet (as it once did, up to 30 s) fails here.
/// </summary>
public sealed class SteadyTrafficTests
{
    /// <summary>Generous on purpose: a behaviour check on a shared machine, not a benchmark (B2 and B6 measure).</summary>
    // A generous bound, not a benchmark: starvation (filing waiting for a quiet period) kept every delivery 30 s or
    // more, or never filed it within the minute. With filing under storage priorities the worst seen on this 2-core
    // machine, sharing it with another test run, was 7.5 s (B6 measures the real figures).
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Every_delivery_of_a_steady_stream_is_filed_and_handed_to_the_crm_within_seconds_of_its_arrival()
    {
        await using var hubSpot = await HubSpotSimulator.StartAsync();
        await using var host = await PortableHostProcess.StartAsync(new Dictionary<string, string>
        {
            ["LeadSync__Crm__Provider"] = "hubspot",
            ["LeadSync__Crm__HubSpot__BaseUrl"] = hubSpot.BaseUri.ToString(),
            ["LeadSync__Crm__HubSpot__AccessToken"] = "pat-test",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var tag = Guid.NewGuid().ToString("N")[..8];
        var sentAt = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        var refused = new ConcurrentBag<HttpStatusCode>();

        // Open loop: one signed webhook every 50 ms, whatever the answers do.
        var sends = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var n = 0; clock.Elapsed < Duration; n++)
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"steady.{tag}.{n}@example.com");
            sends.Add(SendAsync(client, host, email, sentAt, refused));
            var next = Interval * (n + 1) - clock.Elapsed;
            if (next > TimeSpan.Zero)
            {
                await Task.Delay(next);
            }
        }

        await Task.WhenAll(sends);
        Assert.Empty(refused);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (hubSpot.FirstAnswered.Count < sentAt.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var answered = hubSpot.FirstAnswered;
        var late = sentAt
            .Select(s => (Email: s.Key, Wait: answered.TryGetValue(s.Key, out var at) ? at - s.Value : TimeSpan.MaxValue))
            .Where(s => s.Wait > Bound)
            .OrderByDescending(s => s.Wait)
            .ToList();
        Assert.True(late.Count == 0,
            $"{late.Count} of {sentAt.Count} deliveries reached the CRM later than {Bound.TotalSeconds} s after arrival " +
            $"({late.Count(l => l.Wait == TimeSpan.MaxValue)} never); slowest: " +
            string.Join(", ", late.Take(5).Select(l => l.Wait == TimeSpan.MaxValue ? "never" : $"{l.Wait.TotalSeconds:0.0} s")));
    }

    private static async Task SendAsync(
        HttpClient client, PortableHostProcess host, string email, ConcurrentDictionary<string, DateTimeOffset> sentAt, ConcurrentBag<HttpStatusCode> refused)
    {
        sentAt[email] = DateTimeOffset.UtcNow;
        using var request = StandardWebhookSigner.SignedPost(host.Url("api/webhooks/generic"), ThinPathHostFixture.GenericSecret, LeadApi.LeadJson(email));
        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            refused.Add(response.StatusCode);
        }
    }
}
