namespace LeadSync.Bench;

/// <summary>What a benchmark run may use: its mode (full or smoke) and a progress log.</summary>
public sealed class BenchContext(bool smoke, TextWriter log)
{
    /// <summary>Tiny sizes, used by the test suite to keep the harness working; figures are not meaningful.</summary>
    public bool Smoke { get; } = smoke;

    public TextWriter Log { get; } = log;

    /// <summary>Picks the full-run size or the smoke size.</summary>
    public int Size(int full, int smoke) => Smoke ? smoke : full;

    public TimeSpan Duration(TimeSpan full, TimeSpan smoke) => Smoke ? smoke : full;

    public void Progress(string message) => Log.WriteLine($"[bench] {DateTimeOffset.UtcNow:HH:mm:ss} {message}");
}
