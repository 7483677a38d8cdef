using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace LeadSync.Testing.Crm;

/// <summary>Scripted failures a simulator serves before (or, for slow responses, after) doing the real work.</summary>
public sealed class ScriptedFaults
{
    private readonly ConcurrentQueue<Fault> _queue = new();

    /// <summary>While true every request fails with 503 (full outage).</summary>
    public bool Outage { get; set; }

    public int Served { get; private set; }

    /// <summary>Share of requests (0–1) failed at random with one of <see cref="RandomStatuses"/> (429 with <c>Retry-After: 1</c>).</summary>
    public double FailureRate { get; set; }

    public IReadOnlyList<int> RandomStatuses { get; set; } = [429, 500, 502, 503, 504];

    /// <summary>Requests failed by <see cref="FailureRate"/> or <see cref="Outage"/>, per status.</summary>
    public ConcurrentDictionary<int, int> ServedByStatus { get; } = new();

    public void FailNext(int count, int status, string body, params (string Name, string Value)[] headers)
    {
        for (var i = 0; i < count; i++)
        {
            _queue.Enqueue(new Fault(status, body, headers, null));
        }
    }

    /// <summary>Drops one scripted failure not served yet; false when none is left.</summary>
    public bool TryDrop() => _queue.TryDequeue(out _);

    /// <summary>The request is processed, then the response is held back for <paramref name="delay"/> (lost response).</summary>
    public void SlowNext(int count, TimeSpan delay)
    {
        for (var i = 0; i < count; i++)
        {
            _queue.Enqueue(new Fault(0, "", [], delay));
        }
    }

    /// <summary>Returns true when a failure response was written; <paramref name="delayAfter"/> is set for slow responses.</summary>
    public async Task<(bool Handled, TimeSpan? DelayAfter)> TryServeAsync(HttpContext context, string outageBody)
    {
        if (Outage)
        {
            Served++;
            ServedByStatus.AddOrUpdate(503, 1, (_, n) => n + 1);
            await WriteAsync(context, 503, outageBody, []);
            return (true, null);
        }

        if (FailureRate > 0 && Random.Shared.NextDouble() < FailureRate)
        {
            Served++;
            var status = RandomStatuses[Random.Shared.Next(RandomStatuses.Count)];
            ServedByStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
            await WriteAsync(context, status, outageBody, status == 429 ? [("Retry-After", "1")] : []);
            return (true, null);
        }

        if (!_queue.TryDequeue(out var fault))
        {
            return (false, null);
        }

        Served++;
        if (fault.Delay is { } delay)
        {
            return (false, delay);
        }

        await WriteAsync(context, fault.Status, fault.Body, fault.Headers);
        return (true, null);
    }

    public static async Task WriteAsync(HttpContext context, int status, string body, (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        if (body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
        }
    }

    private sealed record Fault(int Status, string Body, (string Name, string Value)[] Headers, TimeSpan? Delay);
}
