namespace LeadSync.Core.Intake;

/// <summary>The intake's log lines (category <see cref="WebhookIntake"/>), shared by its check, filing and re-entry parts.</summary>
internal static partial class IntakeLog
{
    /// <summary>A vendor-supplied name or event type, cut to a length that is safe to echo in an answer or a log.</summary>
    internal static string Truncate(string value) => value.Length <= 64 ? value : value[..64];

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Accepted {Source} delivery as lead {LeadId} (duplicate: {Duplicate}, status {Status})")]
    internal static partial void Accepted(ILogger logger, string source, string leadId, bool duplicate, LeadStatus status);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "{Source} delivery re-entered lead {LeadId} (changed: {Changed}, status {Status})")]
    internal static partial void ReEngaged(ILogger logger, string source, string leadId, bool changed, LeadStatus status);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Rejected {Source} delivery: {Kind}")]
    internal static partial void Rejected(ILogger logger, string source, RejectionKind kind);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "{Source} asked to erase lead {LeadId}; erasure queued")]
    internal static partial void ErasureRequested(ILogger logger, string source, string leadId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Storage unavailable while accepting a {Source} delivery; not acknowledged")]
    internal static partial void StorageUnavailable(ILogger logger, string source);
}
