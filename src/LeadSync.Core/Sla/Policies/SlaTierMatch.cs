namespace LeadSync.Core.Sla.Policies;

/// <summary>The compiled match of a policy: every criterion that is set must hold.</summary>
public sealed class SlaTierMatch
{
    private readonly HashSet<string> _sources;
    private readonly HashSet<string> _countries;

    public SlaTierMatch(IEnumerable<string> sources, int? minScore, int? maxScore, IEnumerable<string> countries)
    {
        _sources = new(sources.Select(s => s.Trim()), StringComparer.OrdinalIgnoreCase);
        _countries = new(countries.Select(c => c.Trim()), StringComparer.OrdinalIgnoreCase);
        MinScore = minScore;
        MaxScore = maxScore;
    }

    public static SlaTierMatch Everything { get; } = new([], null, null, []);

    public int? MinScore { get; }

    public int? MaxScore { get; }

    public bool MatchesEveryLead => _sources.Count == 0 && _countries.Count == 0 && MinScore is null && MaxScore is null;

    public static SlaTierMatch From(SlaPolicyMatchOptions options)
    {
        return new(options.Sources, options.MinScore, options.MaxScore, options.Countries);
    }

    public bool Matches(Lead lead)
    {
        if (_sources.Count > 0 && !_sources.Contains(lead.Source))
        {
            return false;
        }

        if (_countries.Count > 0 && (lead.Contact.Country is not { } country || !_countries.Contains(country.Trim())))
        {
            return false;
        }

        if (MinScore is { } min && (lead.Score is not { } low || low < min))
        {
            return false;
        }

        return MaxScore is not { } max || (lead.Score is { } high && high <= max);
    }
}
