namespace LeadSync.Core.Crm.Pause;

/// <summary>
/// The shared state of one CRM connection, persisted so every instance (queue consumer, Functions trigger, batcher,
/// re-drive job, SLA sweep) sees the same pause. Written with ETag-conditioned updates only.
/// </summary>
public sealed record CrmPause
{
    public required string Crm { get; init; }

    /// <summary>No CRM call before this instant; null when the connection is not paused.</summary>
    public DateTimeOffset? PausedUntil { get; init; }

    /// <summary>Why the connection is paused or degraded, in the CRM's words (secrets masked).</summary>
    public string? Reason { get; init; }

    /// <summary>What set the pause: <c>rate-limit</c>, <c>quota</c> or <c>failures</c>.</summary>
    public string? Cause { get; init; }

    /// <summary>Calls in a row that got no answer about their leads (5xx, timeouts, connection errors, 401/403).</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>Pauses in a row set by failures: each failed probe doubles the next pause.</summary>
    public int FailedProbes { get; init; }

    /// <summary>While set and in the future, one instance is making the single probe call that ends the pause.</summary>
    public DateTimeOffset? ProbeUntil { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Storage ETag of the version read; null for a connection never written.</summary>
    public string? ETag { get; init; }

    public static CrmPause Healthy(string crm) => new() { Crm = crm };

    /// <summary>
    /// <c>paused</c> before <see cref="PausedUntil"/>; <c>degraded</c> after a run of failures or once a pause has run
    /// out and its probe has not answered yet; otherwise <c>healthy</c>.
    /// </summary>
    public CrmConnectionState StateAt(DateTimeOffset now) =>
        PausedUntil is { } until
            ? until > now ? CrmConnectionState.Paused : CrmConnectionState.Degraded
            : ConsecutiveFailures > 0 ? CrmConnectionState.Degraded : CrmConnectionState.Healthy;
}
