namespace LeadSync.Core.Sla.Policies;

/// <summary>
/// The tiers compiled from one snapshot of <see cref="SlaOptions"/>, in configured order, plus the default tier
/// (<c>LeadSync:Sla:FirstTouch</c> and <c>LeadSync:Sla:Levels</c> on a 24×7 clock) for leads no policy matches.
/// </summary>
public sealed class SlaTierCatalog
{
    private SlaTierCatalog(SlaOptions source, IReadOnlyList<SlaTier> tiers, SlaTier fallback)
    {
        Source = source;
        Tiers = tiers;
        Default = fallback;
    }

    /// <summary>The options snapshot this catalog was compiled from.</summary>
    public SlaOptions Source { get; }

    public IReadOnlyList<SlaTier> Tiers { get; }

    public SlaTier Default { get; }

    /// <exception cref="OptionsValidationException">The calendars or policies are invalid.</exception>
    public static SlaTierCatalog Compile(SlaOptions options)
    {
        var validation = new SlaPolicyOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SlaOptions), validation.Failures);
        }

        var calendars = options.Calendars.ToDictionary(
            c => c.Key,
            c => BusinessCalendarFactory.Create(c.Value, $"{SlaOptions.Section}:Calendars:{c.Key}"),
            StringComparer.OrdinalIgnoreCase);
        var defaultLevels = options.EffectiveLevels.Select(EscalationLevel.From).ToArray();
        var tiers = options.Policies.Select(p => new SlaTier(
            p.Name.Trim(),
            SlaTierMatch.From(p.Match),
            p.FirstTouch ?? options.FirstTouch,
            string.IsNullOrWhiteSpace(p.Calendar) ? AlwaysOpenCalendar.Instance : calendars[p.Calendar.Trim()],
            p.FollowUp.Attempts > 0 ? new FollowUpCadence(p.FollowUp.Attempts, p.FollowUp.Window) : null,
            p.Levels.Count > 0 ? p.Levels.Select(EscalationLevel.From).ToArray() : defaultLevels,
            p.Cadence.Count > 0 ? new CadencePolicy([.. p.Cadence.Select(c => new CadenceCheckpoint(c.Attempts, c.By))]) : null)).ToArray();
        var fallback = new SlaTier(SlaTier.DefaultName, SlaTierMatch.Everything, options.FirstTouch, AlwaysOpenCalendar.Instance, null, defaultLevels);
        return new SlaTierCatalog(options, tiers, fallback);
    }

    /// <summary>The first tier whose match fits the lead, or <see cref="Default"/>.</summary>
    public SlaTier Select(Lead lead) => Tiers.FirstOrDefault(t => t.Match.Matches(lead)) ?? Default;
}
