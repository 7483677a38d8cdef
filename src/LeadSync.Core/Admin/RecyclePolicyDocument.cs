namespace LeadSync.Core.Admin;

/// <summary>
/// The <see cref="AdminResources.Recycle"/> document: the recycle rules an admin may change at run time (the job's
/// schedule and batch size stay settings). A field left out (null) keeps the setting's value.
/// </summary>
public sealed class RecyclePolicyDocument
{
    /// <summary>A synced or contacted lead with no status change for this long goes back to marketing nurture.</summary>
    public TimeSpan NoProgressWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Never touched, and the last escalation level passed this long ago → recycled (<c>sla-missed</c>).</summary>
    public TimeSpan? AfterLastLevel { get; set; }

    /// <summary>Attempts without a connect within <see cref="AttemptsWindow"/> that recycle a lead (0: off).</summary>
    public int? MaxAttempts { get; set; }

    public TimeSpan? AttemptsWindow { get; set; }

    /// <summary>How long a recycled lead must wait before it may be handed to sales again.</summary>
    public TimeSpan? Cooldown { get; set; }

    /// <summary>Recycles one lead may go through before it is closed (<c>recycle-exhausted</c>).</summary>
    public int? MaxRecycles { get; set; }

    /// <summary>
    /// Recycle reason (<c>not-sales-ready</c>, <c>sla-missed</c>, <c>attempts-exhausted</c>, <c>no-progress</c>,
    /// <c>crm-nurture-status</c>) → the nurture target (list) its leads go to. Null keeps the settings' map; a map
    /// replaces it whole.
    /// </summary>
    public Dictionary<string, string>? Targets { get; set; }

    /// <summary>The target of a reason without its own; empty: the nurture tool's configured list; null keeps the setting.</summary>
    public string? DefaultTarget { get; set; }

    /// <summary>The document that shows the rules in effect.</summary>
    public static RecyclePolicyDocument From(RecycleOptions options) => new()
    {
        NoProgressWindow = options.NoProgressWindow,
        AfterLastLevel = options.AfterLastLevel,
        MaxAttempts = options.MaxAttempts,
        AttemptsWindow = options.AttemptsWindow,
        Cooldown = options.Cooldown,
        MaxRecycles = options.MaxRecycles,
        Targets = options.Targets.ToDictionary(t => RecycleTargets.ReasonOf(t.Key) ?? t.Key, t => t.Value, StringComparer.OrdinalIgnoreCase),
        DefaultTarget = options.DefaultTarget ?? string.Empty,
    };

    /// <summary>Lays the document over <paramref name="options"/>: what it sets wins, what it leaves out stays.</summary>
    public void ApplyTo(RecycleOptions options)
    {
        options.NoProgressWindow = NoProgressWindow;
        options.AfterLastLevel = AfterLastLevel ?? options.AfterLastLevel;
        options.MaxAttempts = MaxAttempts ?? options.MaxAttempts;
        options.AttemptsWindow = AttemptsWindow ?? options.AttemptsWindow;
        options.Cooldown = Cooldown ?? options.Cooldown;
        options.MaxRecycles = MaxRecycles ?? options.MaxRecycles;
        options.DefaultTarget = DefaultTarget ?? options.DefaultTarget;
        if (Targets is not null)
        {
            options.Targets.Clear();
            foreach (var (reason, target) in Targets)
            {
                options.Targets[reason] = target;
            }
        }
    }
}
