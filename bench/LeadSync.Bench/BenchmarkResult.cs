namespace LeadSync.Bench;

/// <summary>What one benchmark measured: its figures, the set-up it ran with, and free-text notes.</summary>
public sealed class BenchmarkResult(string id, string title)
{
    public string Id { get; } = id;

    public string Title { get; } = title;

    public List<Figure> Figures { get; } = [];

    /// <summary>How it was run (sizes, rates, tools), one line each.</summary>
    public List<string> Setup { get; } = [];

    public List<string> Notes { get; } = [];

    public Figure Add(Figure figure)
    {
        Figures.Add(figure);
        return figure;
    }

    public bool AllGoalsMet => Figures.All(f => f.Met != false);
}
