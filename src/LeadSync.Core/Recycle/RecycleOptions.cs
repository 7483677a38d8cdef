namespace LeadSync.Core.Recycle;

/// <summary>Recycle settings (<c>LeadSync:Recycle</c>).</summary>
public sealed class RecycleOptions
{
    public const string Section = "LeadSync:Recycle";

    /// <summary>NCRONTAB (six fields) schedule of the recycle job.</summary>
    [Required]
    public string Schedule { get; set; } = "0 0 * * * *";

    /// <summary>A synced or contacted lead with no status change for this long goes back to marketing nurture.</summary>
    public TimeSpan NoProgressWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// A lead never touched is recycled (<c>sla-missed</c>) this long after its last escalation level fired.
    /// Null (the default) turns the trigger off, so untouched leads wait for <see cref="NoProgressWindow"/>.
    /// </summary>
    public TimeSpan? AfterLastLevel { get; set; }

    /// <summary>Attempts (as the CRM counts them) without a connect that recycle a contacted lead; 0 turns the trigger off.</summary>
    [Range(0, 1000)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The attempts must fall within this long after the first touch; later, <see cref="NoProgressWindow"/> applies.</summary>
    public TimeSpan AttemptsWindow { get; set; } = TimeSpan.FromDays(10);

    /// <summary>How often a contacted lead's attempt count is read back from the CRM while its window is open.</summary>
    public TimeSpan AttemptsCheckInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Minimum time between two recycles of one lead; a trigger inside it waits until it ends.</summary>
    public TimeSpan Cooldown { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Most recycles per lead; a trigger past it closes the lead as disqualified (<c>recycle-exhausted</c>).</summary>
    [Range(0, 100)]
    public int MaxRecycles { get; set; } = 3;

    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>
    /// Recycle reason → the nurture target (list) its leads go to: a list id of the nurture tool (HubSpot list, Marketo
    /// list; a tag in Mailchimp; a label in the sandbox). Keys are reason codes (<c>sla-missed</c>) or the same without
    /// dashes (<c>SlaMissed</c>, for app-setting names); a reason without an entry goes to <see cref="DefaultTarget"/>.
    /// </summary>
    public IDictionary<string, string> Targets { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The target of a reason without its own entry; empty: the nurture provider's configured list.</summary>
    public string? DefaultTarget { get; set; }
}
