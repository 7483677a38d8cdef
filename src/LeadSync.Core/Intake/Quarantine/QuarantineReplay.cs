namespace LeadSync.Core.Intake.Quarantine;

/// <summary>
/// Replays a quarantined delivery through the current source mapping (its signature was verified when it arrived,
/// so it is not checked again — a replay hours later would always be stale). Idempotent: leads are keyed by the
/// vendor delivery key, so replaying twice never makes a second lead.
/// </summary>
public sealed class QuarantineReplay(IQuarantineStore quarantine, WebhookIntake intake, TimeProvider timeProvider)
{
    public async Task<QuarantineReplayResult> ReplayAsync(string id, CancellationToken cancellationToken)
    {
        var item = await quarantine.GetAsync(id, cancellationToken);
        if (item is null)
        {
            return new QuarantineReplayResult(QuarantineReplayStatus.NotFound, null, null);
        }

        var result = await intake.ReplayAsync(new InboundWebhook
        {
            Source = item.Source,
            Method = "POST",
            RequestUri = item.RequestUri,
            ContentType = item.ContentType,
            Body = item.Body,
            Headers = new Dictionary<string, string>(item.Headers, StringComparer.OrdinalIgnoreCase),
        }, cancellationToken);
        if (!result.IsAccepted)
        {
            var still = item with { Reason = result.Rejection!.Detail, Errors = result.Rejection.Errors ?? new Dictionary<string, string[]>() };
            await quarantine.UpdateAsync(still, cancellationToken);
            return new QuarantineReplayResult(QuarantineReplayStatus.StillRejected, still, result);
        }

        var replayed = item with { ReplayedAt = timeProvider.GetUtcNow(), LeadIds = [.. result.Leads.Select(l => l.LeadId)] };
        await quarantine.UpdateAsync(replayed, cancellationToken);
        return new QuarantineReplayResult(QuarantineReplayStatus.Replayed, replayed, result);
    }
}
