namespace LeadSync.Core.Retention;

/// <summary>
/// The retention job (<c>LeadSync:Retention</c>): how long raw payloads, quarantined deliveries, outbox rows and
/// unfiled inbox rows are kept, and how many of each one run handles. Validated at start (<see cref="RetentionOptionsValidator"/>).
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "LeadSync:Retention";

    /// <summary>NCRONTAB schedule of the <c>retention</c> job (daily, 02:45 UTC).</summary>
    public string Schedule { get; set; } = "0 45 2 * * *";

    /// <summary>A lead's raw payload (the body as received) is dropped once its current cycle is older than this.</summary>
    public TimeSpan RawPayloadAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Quarantined deliveries older than this (counted from when they were quarantined) are deleted.</summary>
    public TimeSpan QuarantineAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Outbox rows (escalations kept when no channel is configured) older than this are deleted.</summary>
    public TimeSpan OutboxAge { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// Inbox rows still unfiled after this long are moved to the quarantine (never deleted outright), where an admin
    /// can replay them until <see cref="QuarantineAge"/> passes.
    /// </summary>
    public TimeSpan InboxAge { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Most rows of each kind one run handles; the rest wait for the next run.</summary>
    public int BatchSize { get; set; } = 500;
}
