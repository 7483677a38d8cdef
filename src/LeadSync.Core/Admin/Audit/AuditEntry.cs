namespace LeadSync.Core.Admin.Audit;

/// <summary>
/// One admin action in the audit log: who (<c>key:…</c> or <c>entra:…</c>), what (<see cref="AuditActions"/>), on what
/// (an id, a job or resource name, lead ids — never an e-mail address or a secret), and how it ended. Written as
/// <see cref="AuditStatus.Started"/> before the action runs and rewritten with the outcome when it has.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>Sorts newest first (see <see cref="AuditRecorder"/>); stable across the start and the completion write.</summary>
    public required string Id { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Actor { get; init; }

    public required string Action { get; init; }

    public required string Target { get; init; }

    public required string Status { get; init; }

    /// <summary>A short outcome: the HTTP status and what it means (<c>200 OK: replayed 3</c>); <c>started</c> until completed.</summary>
    public required string Outcome { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }
}
