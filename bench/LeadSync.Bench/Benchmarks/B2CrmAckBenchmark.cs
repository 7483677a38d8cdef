using LeadSync.Bench.Hosting;
using LeadSync.Bench.Load;
using LeadSync.Testing;
using LeadSync.Testing.Crm;

namespace LeadSync.Bench.Benchmarks;

/// <summary>
/// B2: webhook sent → contact acknowledged by the CRM (HubSpot simulator answering each upsert in 100 ms), per lead,
/// at a steady arrival rate through the portable host (queue → LeadSyncer → HubSpot adapter).
/// </summary>
public sealed class B2CrmAckBenchmark : IBenchmark
{
    public string Id => "B2";

    public string Title => "Webhook → CRM acknowledged (HubSpot simulator, 100 ms)";

    public async Task<BenchmarkResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new BenchmarkResult(Id, Title);
        var rate = context.Size(10, 5);
        var duration = context.Duration(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2));

        await using var azurite = await AzuriteProcess.StartAsync();
        await using var hubSpot = await HubSpotSimulator.StartAsync();
        hubSpot.Latency = TimeSpan.FromMilliseconds(100);
        await using var host = await PortableHostProcess.StartAsync(BenchHostSettings.For(azurite.ConnectionString).WithHubSpot(hubSpot.BaseUri, 190));
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var webhooks = new SignedWebhooks(host.BaseUrl, tag);

        var sentAt = new System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        var load = await OpenLoop.RunAsync(rate, duration, (n, ct) =>
        {
            sentAt[SignedWebhooks.Email(tag, n)] = DateTimeOffset.UtcNow;
            return webhooks.SendAsync(n, ct);
        }, cancellationToken);

        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (hubSpot.FirstAnswered.Count < load.Succeeded && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(200, cancellationToken);
        }

        var answered = hubSpot.FirstAnswered;
        var latencies = new Latencies();
        foreach (var (email, at) in sentAt)
        {
            if (answered.TryGetValue(email, out var ack))
            {
                latencies.Add(ack - at);
            }
        }

        result.Setup.Add($"Portable host (Release), CRM provider `hubspot` pointed at HubSpotSimulator answering every batch upsert after 100 ms; client limiter 190 per 10 s; Azurite in memory.");
        result.Setup.Add($"{rate} signed webhooks/s for {duration.TotalSeconds:0} s (open loop); latency per lead = CRM answer time of its upsert − webhook send time (both clocks in this process).");
        result.Add(Figure.AtMost("webhook → CRM acknowledged p50", Math.Round(latencies.Percentile(50)), "ms", 1000));
        result.Add(Figure.AtMost("webhook → CRM acknowledged p99", Math.Round(latencies.Percentile(99)), "ms", 5000));
        result.Add(new Figure("leads acknowledged / accepted", latencies.Count, $"/ {load.Succeeded}"));
        result.Add(new Figure("CRM calls", hubSpot.Requests, ""));
        return result;
    }
}
