namespace LeadSync.Core.Intake.Erasure;

/// <summary>
/// The anonymized record of an erasure, kept so a repeat request is idempotent and the audit can show what was done:
/// keyed by the hashed e-mail (or the lead id), never the address itself. <see cref="PendingIdentities"/> keeps the
/// e-mail and CRM id a target still needs only while one of its deletions is pending, and is emptied when none is.
/// </summary>
public sealed record ErasureRecord
{
    public required string Key { get; init; }

    /// <summary><c>email-sha256:{hash}</c> or <c>lead:{id}</c>.</summary>
    public required string Subject { get; init; }

    public IReadOnlyList<string> LeadIds { get; init; } = [];

    /// <summary>Rows erased per store (cumulative over requests): <c>leads</c>, <c>timeline</c>, <c>email-index</c>, <c>inbox</c>…</summary>
    public IReadOnlyDictionary<string, int> Erased { get; init; } = new Dictionary<string, int>();

    public IReadOnlyList<TargetErasureState> Targets { get; init; } = [];

    public IReadOnlyList<ErasureIdentity> PendingIdentities { get; init; } = [];

    public required string FirstRequestedBy { get; init; }
    public required DateTimeOffset FirstRequestedAt { get; init; }
    public required string LastRequestedBy { get; init; }
    public required DateTimeOffset LastRequestedAt { get; init; }
    public int Requests { get; init; }
    public string? ETag { get; init; }

    public bool IsPending => Targets.Any(t => !t.IsFinal);

    public static string KeyForEmail(string email) => "e-" + EmailHash.Of(email);

    public static string KeyForLead(string leadId) => "l-" + leadId;

    /// <summary>The key's subject as shown to admins.</summary>
    public static string SubjectOf(string key) => key.StartsWith("e-", StringComparison.Ordinal) ? "email-sha256:" + key[2..] : "lead:" + key[2..];
}
