namespace LeadSync.Bench.Load;

/// <summary>What a load phase did: successful and failed operations, their latencies, and how long it ran.</summary>
public sealed record LoadOutcome(int Succeeded, int Failed, Latencies Latencies, TimeSpan Elapsed)
{
    public double SucceededPerSecond => Elapsed > TimeSpan.Zero ? Succeeded / Elapsed.TotalSeconds : 0;
}
