namespace LeadSync.Reliability.Tests;

/// <summary>
/// CI scale by default; <c>LEADSYNC_RELIABILITY_LONG=1</c> switches every test to its long mode (R1: 10,000 deliveries).
/// </summary>
public static class ReliabilityScale
{
    public static bool Long { get; } = Environment.GetEnvironmentVariable("LEADSYNC_RELIABILITY_LONG") == "1";

    public static int R1Deliveries => Long ? 10_000 : 400;

    public static TimeSpan R1Outage => Long ? TimeSpan.FromSeconds(20) : TimeSpan.FromSeconds(5);

    public static int R2Deliveries => Long ? 5_000 : 200;

    public static TimeSpan R2Outage => Long ? TimeSpan.FromSeconds(30) : TimeSpan.FromSeconds(6);

    public static int R3Deliveries => Long ? 3_000 : 150;

    public static int R4Leads => Long ? 500 : 30;

    /// <summary>How long a test waits for the system to settle (generous: a loaded 2-core CI machine).</summary>
    public static TimeSpan Patience => Long ? TimeSpan.FromMinutes(30) : TimeSpan.FromMinutes(3);
}
