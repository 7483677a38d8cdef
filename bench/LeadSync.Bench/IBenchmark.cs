namespace LeadSync.Bench;

/// <summary>One benchmark of bench/RESULTS.md (B1…B5). Sizes come from <see cref="BenchContext"/> (full or smoke).</summary>
public interface IBenchmark
{
    /// <summary>Short id used on the command line and in RESULTS.md, e.g. <c>B1</c>.</summary>
    string Id { get; }

    string Title { get; }

    Task<BenchmarkResult> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
