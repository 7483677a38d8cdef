namespace LeadSync.Web.Endpoints;

/// <summary>The JSON answer to a reassign or snooze link (form posts get a small HTML page instead).</summary>
public sealed record EscalationActionTaken(string NoticeId, string Action, string Status, string Detail, string By, DateTimeOffset? LadderPausedUntil);
