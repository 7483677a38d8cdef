namespace LeadSync.Web.Endpoints;

/// <summary>
/// One CRM connection in <c>/api/health</c> and on the console: <c>healthy</c>, <c>degraded</c> or <c>paused</c>,
/// with <see cref="Detail"/> such as "paused until 2026-12-06T14:00:00Z", the reason in the CRM's words (secrets
/// masked) and the sync backlog. Never a credential or a lead's data.
/// </summary>
public sealed record CrmConnectionHealth(
    string Name,
    string State,
    string Detail,
    DateTimeOffset? PausedUntil,
    string? Reason,
    string? Cause,
    int ConsecutiveFailures,
    long? Backlog);
