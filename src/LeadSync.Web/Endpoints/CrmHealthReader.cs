namespace LeadSync.Web.Endpoints;

/// <summary>Reads the CRM connection's shared pause state and the sync backlog for health, the console and the metrics.</summary>
public sealed class CrmHealthReader(CrmPauseGate gate, SyncBacklog backlog, SyncBacklogSignal signal, TimeProvider time)
{
    public async Task<CrmConnectionHealth> ReadAsync(CancellationToken cancellationToken)
    {
        var state = await gate.GetStateAsync(cancellationToken);
        var waiting = await backlog.CountAsync(cancellationToken);
        SyncTelemetry.PublishBacklog(gate.Crm, waiting);
        signal.Report(waiting);
        var now = time.GetUtcNow();
        var connection = state.StateAt(now);
        var detail = connection switch
        {
            CrmConnectionState.Paused => "paused until " + state.PausedUntil!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            CrmConnectionState.Degraded when state.PausedUntil is not null => "pause over; waiting for the probe call",
            CrmConnectionState.Degraded => $"{state.ConsecutiveFailures} call(s) in a row failed",
            _ => "healthy",
        };
        return new CrmConnectionHealth(
            gate.Crm,
            connection.ToString().ToLowerInvariant(),
            detail,
            connection == CrmConnectionState.Paused ? state.PausedUntil : null,
            connection == CrmConnectionState.Healthy ? null : state.Reason,
            connection == CrmConnectionState.Healthy ? null : state.Cause,
            state.ConsecutiveFailures,
            waiting);
    }
}
