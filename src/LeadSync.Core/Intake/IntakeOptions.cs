namespace LeadSync.Core.Intake;

/// <summary>Intake limits (<c>LeadSync:Intake</c>).</summary>
public sealed class IntakeOptions
{
    public const string Section = "LeadSync:Intake";

    /// <summary>
    /// Largest accepted webhook body; larger ones get 413 before anything is parsed. At most 768 KB: an accepted
    /// delivery, with its headers, is one inbox entity (a table entity holds 1 MB).
    /// </summary>
    [Range(1024, 768 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Failed authentications one source answers 401 per <see cref="FailedAuthWindow"/>; past that, further failed
    /// ones get 429 + Retry-After until the window ends (0 = no limit). Authentic deliveries are never limited.
    /// </summary>
    [Range(0, 1_000_000, ErrorMessage = "LeadSync:Intake:FailedAuthLimit must be between 0 (no limit) and 1000000.")]
    public int FailedAuthLimit { get; set; } = 30;

    /// <summary>The window <see cref="FailedAuthLimit"/> counts in.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "LeadSync:Intake:FailedAuthWindow must be between 00:00:01 and 01:00:00.")]
    public TimeSpan FailedAuthWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How much of the raw payload is kept on the lead for audit.</summary>
    [Range(0, 32 * 1024)]
    public int RawPayloadCapBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// A new submission from an e-mail whose open lead was received within this window becomes a marketing touch on
    /// that lead instead of a second lead.
    /// </summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long after intake the sync safety net re-drives a lead whose sync message was lost.</summary>
    public TimeSpan SyncSafetyNetDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long after intake the safety net re-drives the enrichment of a lead stored as Received.</summary>
    public TimeSpan EnrichmentSafetyNetDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Delay before retrying an enrichment when the vendor API gave no Retry-After.</summary>
    public TimeSpan EnrichmentRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long after intake the re-drive job keeps offering a still-Received lead to enrichment.</summary>
    public TimeSpan EnrichmentRedriveWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Who files accepted deliveries: the receiving instance in memory (<see cref="InboxFilingMode.InProcess"/>), any
    /// instance through the <c>lead-file</c> queue (<see cref="InboxFilingMode.Queue"/>), or <see cref="InboxFilingMode.Auto"/>:
    /// the queue in the Functions app, in process elsewhere.
    /// </summary>
    [EnumDataType(typeof(InboxFilingMode), ErrorMessage = "LeadSync:Intake:Filing must be Auto, InProcess or Queue.")]
    public InboxFilingMode Filing { get; set; } = InboxFilingMode.Auto;

    /// <summary>
    /// How many accepted deliveries this instance files as leads at the same time. Filing waits mostly on storage (and
    /// on group commits gathering other leads' rows), not on CPU, so many filers share few cores; storage concurrency
    /// is limited separately (<c>LeadSync:Storage:MaxConcurrentRequests</c>, adaptive). The filers must not be the
    /// limit: a delivery's filing is about five storage steps in a row, each a group commit (up to
    /// <c>GroupCommitLinger</c>) plus a round trip, about 350 ms under load, so an instance files at most
    /// <c>InboxFilers</c> / 0.35 s deliveries per second: 32 filers capped it at about 90/s, below the 100/s of B6.
    /// </summary>
    [Range(1, 256)]
    public int InboxFilers { get; set; } = DefaultInboxFilers;

    /// <summary>The default of <see cref="InboxFilers"/>: room for about 360 deliveries/s at 350 ms of filing each.</summary>
    public const int DefaultInboxFilers = 128;

    /// <summary>
    /// Accepted deliveries held in memory for filing; past this only their ids are kept (see
    /// <see cref="InboxOverflow"/>) and each is read back from the inbox when a filer is free, so a burst costs one
    /// point read per delivery, not memory.
    /// </summary>
    [Range(16, 10_000)]
    public int InboxBuffer { get; set; } = 512;

    /// <summary>
    /// Ids of accepted deliveries past <see cref="InboxBuffer"/> remembered for filing (about 100 bytes each); past
    /// this the inbox table is read back in pages once the filers catch up.
    /// </summary>
    [Range(0, 1_000_000)]
    public int InboxOverflow { get; set; } = 100_000;

    /// <summary>The re-drive job files inbox deliveries older than this (left by a crashed or scaled-in instance).</summary>
    public TimeSpan InboxRecoverAfter { get; set; } = TimeSpan.FromMinutes(1);
}
