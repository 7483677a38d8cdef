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

    /// <summary><c>--backlog N</c>: overrides B3's and B3S's backlog size (for quick measurements; never in recorded full runs).</summary>
    public int? Backlog { get; init; }

    /// <summary><c>--window SECONDS</c>: overrides B3's measuring window (B3S: how long it waits for the drain).</summary>
    public TimeSpan? Window { get; init; }

    /// <summary>
    /// <c>--count-storage</c>: B3 and B3S run Azurite with its access log on and reports the storage calls per synced lead by
    /// kind (the log costs Azurite some CPU, so it is off unless asked for).
    /// </summary>
    public bool CountStorageCalls { get; init; }

    /// <summary>
    /// Sizes set on the command line (<c>--size B4.due=1000,B4.steps=2000</c>) for a small ad-hoc measurement; a run
    /// with any of them is not a full-size run.
    /// </summary>
    public IReadOnlyDictionary<string, string> SizeOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>The size set on the command line under <paramref name="name"/>, or null.</summary>
    public int[]? Override(string name) =>
        SizeOverrides.TryGetValue(name, out var text)
            ? [.. text.Split('+', StringSplitOptions.RemoveEmptyEntries).Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture))]
            : null;

    public void Progress(string message) => Log.WriteLine($"[bench] {DateTimeOffset.UtcNow:HH:mm:ss} {message}");
}
