using System.Diagnostics;
using LeadSync.Bench;

// Usage: LeadSync.Bench [--smoke] [--only B1,B3] [--results DIR] [--backlog N] [--window SECONDS] [--count-storage]
//                      [--size B4.due=1000,B4.steps=2000+5000]
// Each benchmark's run is kept as DIR/{Id}.json (default bench/results; smoke runs default to artifacts/bench-smoke so
// they never replace full-size figures), then DIR/../RESULTS.md is rendered from every run kept there.
var smoke = args.Contains("--smoke");
var only = ArgValue("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var root = LeadSync.Testing.RepoPaths.Root;
var sizes = (ArgValue("--size") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    .Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal);

// Smoke runs and ad-hoc sizes never replace the full-size figures.
var directory = ArgValue("--results")
    ?? (smoke ? Path.Combine(root, "artifacts", "bench-smoke", "results")
        : sizes.Count > 0 || ArgValue("--backlog") is not null || ArgValue("--window") is not null ? Path.Combine(root, "artifacts", "bench-adhoc", "results")
        : Path.Combine(root, "bench", "results"));
var store = new ResultStore(directory);

var selected = only is null ? BenchmarkCatalog.All : [.. only.Select(BenchmarkCatalog.Get)];
var context = new BenchContext(smoke, Console.Out)
{
    SizeOverrides = sizes,
    Backlog = ArgValue("--backlog") is { } backlog ? int.Parse(backlog, System.Globalization.CultureInfo.InvariantCulture) : null,
    Window = ArgValue("--window") is { } window ? TimeSpan.FromSeconds(double.Parse(window, System.Globalization.CultureInfo.InvariantCulture)) : null,
    CountStorageCalls = args.Contains("--count-storage"),
};
foreach (var benchmark in selected)
{
    context.Progress($"{benchmark.Id} — {benchmark.Title}");
    var startedAt = DateTimeOffset.UtcNow;
    var loadBefore = MachineFacts.LoadAverage();
    var clock = Stopwatch.StartNew();
    var result = await benchmark.RunAsync(context, CancellationToken.None);
    store.Save(RecordedRun.Of(result, startedAt, clock.Elapsed, smoke, loadBefore));
    foreach (var figure in result.Figures)
    {
        context.Progress($"  {figure.Name}: {Figure.Format(figure.Value)} {figure.Unit}{(figure.Goal is null ? "" : $"  (goal {figure.Goal}: {(figure.Met == true ? "met" : "NOT met")})")}");
    }
}

var output = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(directory))!, "RESULTS.md");
File.WriteAllText(output, ResultsWriter.Render(store.LoadAll(), run => FigureFreshness.Check(run, root)));
context.Progress($"wrote {output}");
return 0;

string? ArgValue(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
