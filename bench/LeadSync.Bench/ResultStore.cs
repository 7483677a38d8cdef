using System.Text.Json;

namespace LeadSync.Bench;

/// <summary>
/// bench/results: the latest run of each benchmark as JSON. A run of a subset (<c>--only</c>) replaces only its own
/// benchmarks' files, and RESULTS.md is rendered from every file present.
/// </summary>
public sealed class ResultStore(string directory)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Directory { get; } = directory;

    public void Save(RecordedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(PathOf(run.Id), JsonSerializer.Serialize(run, Json));
    }

    /// <summary>The stored runs in catalog order (B1…B5); unknown or unreadable files are skipped.</summary>
    public IReadOnlyList<RecordedRun> LoadAll() =>
        BenchmarkCatalog.All
            .Select(b => PathOf(b.Id))
            .Where(File.Exists)
            .Select(p => JsonSerializer.Deserialize<RecordedRun>(File.ReadAllText(p), Json))
            .OfType<RecordedRun>()
            .ToList();

    private string PathOf(string id) => Path.Combine(Directory, id + ".json");
}
