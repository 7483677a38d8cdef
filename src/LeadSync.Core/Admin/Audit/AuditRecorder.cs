using LeadSync.Core.Storage;

namespace LeadSync.Core.Admin.Audit;

/// <summary>
/// Records admin actions write-ahead: <see cref="BeginAsync"/> stores the entry before the action runs (when storage is
/// down it throws, so the action is refused with a 503 and nothing happens unrecorded); <see cref="CompleteAsync"/>
/// rewrites it with the outcome. If that second write fails the action has happened and its answer still goes out: the
/// entry stays <see cref="AuditStatus.Started"/> (outcome unknown) and a warning is logged — never silently dropped.
/// </summary>
public sealed partial class AuditRecorder(IAuditLog log, TimeProvider timeProvider, ILogger<AuditRecorder> logger)
{
    public const int MaxTextLength = 300;

    public async Task<AuditEntry> BeginAsync(string actor, string action, string target, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        ArgumentException.ThrowIfNullOrEmpty(action);
        var now = timeProvider.GetUtcNow();
        var entry = new AuditEntry
        {
            Id = AuditKeys.IdFor(now),
            At = now,
            Actor = Short(actor),
            Action = action,
            Target = Short(target),
            Status = AuditStatus.Started,
            Outcome = AuditStatus.Started,
        };
        await log.WriteAsync(entry, cancellationToken);
        return entry;
    }

    /// <summary>Stores how the action ended; <paramref name="target"/>, when given, replaces the entry's (e.g. the lead ids an erasure found).</summary>
    public async Task<AuditEntry> CompleteAsync(AuditEntry started, string status, string outcome, string? target = null)
    {
        var done = started with
        {
            Status = status,
            Outcome = Short(outcome),
            Target = target is null ? started.Target : Short(target),
            CompletedAt = timeProvider.GetUtcNow(),
        };
        try
        {
            // Not the request's token: the action has run, so its outcome is written even if the caller went away.
            await log.WriteAsync(done, CancellationToken.None);
        }
        catch (StorageUnavailableException ex)
        {
            LogCompletionLost(logger, ex, started.Action, started.Id);
        }

        return done;
    }

    private static string Short(string text)
    {
        var clean = new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        return clean.Length <= MaxTextLength ? clean : clean[..(MaxTextLength - 1)] + "…";
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning,
        Message = "Audit: the outcome of {Action} (entry {EntryId}) could not be stored; the entry stays 'started'")]
    private static partial void LogCompletionLost(ILogger logger, Exception exception, string action, string entryId);
}
