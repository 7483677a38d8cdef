namespace LeadSync.Web.Endpoints;

/// <summary>The JSON answer to an acknowledgement (form posts get a small HTML page instead).</summary>
public sealed record AckRecorded(string NoticeId, string AcknowledgedBy, DateTimeOffset AcknowledgedAt, DateTimeOffset? LadderPausedUntil, bool AlreadyAcknowledged);
