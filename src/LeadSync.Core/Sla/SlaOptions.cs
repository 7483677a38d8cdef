namespace LeadSync.Core.Sla;

/// <summary>SLA settings (<c>LeadSync:Sla</c>).</summary>
public sealed class SlaOptions
{
    public const string Section = "LeadSync:Sla";

    /// <summary>Time allowed from receipt to sales' first touch.</summary>
    public TimeSpan FirstTouch { get; set; } = TimeSpan.FromHours(1);

    /// <summary>NCRONTAB (six fields, with seconds) schedule of the sweep job.</summary>
    [Required]
    public string SweepSchedule { get; set; } = "0 */1 * * * *";

    /// <summary>Most due leads handled per sweep run; the rest wait for the next run.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>How long an acknowledgement pauses the ladder: the next level fires no earlier than ack + grace.</summary>
    public TimeSpan AckGrace { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The escalation ladder, in increasing <see cref="EscalationLevelOptions.After"/> order.</summary>
    public IList<EscalationLevelOptions> Levels { get; } = [];

    /// <summary>The ladder used when none is configured.</summary>
    public static IReadOnlyList<EscalationLevelOptions> DefaultLevels { get; } =
    [
        new() { After = TimeSpan.Zero, Recipient = "owner" },
        new() { After = TimeSpan.FromMinutes(30), Recipient = "manager" },
        new() { After = TimeSpan.FromHours(2), Recipient = "team" },
    ];

    /// <summary>Named business calendars (<c>LeadSync:Sla:Calendars:{name}</c>) that policies count their time on.</summary>
    public IDictionary<string, BusinessCalendarOptions> Calendars { get; } =
        new Dictionary<string, BusinessCalendarOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Tiered policies, tried in order; the first whose match fits the lead applies. With none configured, or when
    /// none matches, <see cref="FirstTouch"/> and <see cref="Levels"/> apply on a 24×7 clock.
    /// </summary>
    public IList<SlaPolicyOptions> Policies { get; } = [];

    public IReadOnlyList<EscalationLevelOptions> EffectiveLevels => Levels.Count > 0 ? [.. Levels] : DefaultLevels;
}
