using System.Diagnostics;
using LeadSync.Bench;

// Usage: LeadSync.Bench [--smoke] [--only B1,B3] [--out path/to/RESULTS.md]
var smoke = args.Contains("--smoke");
var only = ArgValue("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var output = ArgValue("--out") ?? Path.Combine(LeadSync.Testing.RepoPaths.Root, "bench", "RESULTS.md");

var selected = only is null ? BenchmarkCatalog.All : [.. only.Select(BenchmarkCatalog.Get)];
var context = new BenchContext(smoke, Console.Out);
var startedAt = DateTimeOffset.UtcNow;
var clock = Stopwatch.StartNew();
var results = new List<BenchmarkResult>();
foreach (var benchmark in selected)
{
    context.Progress($"{benchmark.Id} — {benchmark.Title}");
    var result = await benchmark.RunAsync(context, CancellationToken.None);
    results.Add(result);
    foreach (var figure in result.Figures)
    {
        context.Progress($"  {figure.Name}: {Figure.Format(figure.Value)} {figure.Unit}{(figure.Goal is null ? "" : $"  (goal {figure.Goal}: {(figure.Met == true ? "met" : "NOT met")})")}");
    }
}

File.WriteAllText(output, ResultsWriter.Render(results, startedAt, clock.Elapsed, smoke));
context.Progress($"wrote {output}");
return 0;

string? ArgValue(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
