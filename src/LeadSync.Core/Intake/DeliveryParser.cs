namespace LeadSync.Core.Intake;

/// <summary>Turns an authenticated delivery into drafts with bounded keys, or into a rejection (quarantined when asked).</summary>
internal sealed class DeliveryParser(DeliveryQuarantine quarantine, ILogger logger)
{
    /// <summary>
    /// Parses the delivery and bounds its keys. A rejection is quarantined when <paramref name="quarantines"/> says so
    /// for its kind (the answer then names the quarantine id), else returned as it is; either way no drafts.
    /// </summary>
    public async Task<(IReadOnlyList<LeadDraft> Drafts, IntakeResult? Refused)> ParseAsync(
        IWebhookSource source, InboundWebhook webhook, Func<RejectionKind, bool> quarantines, CancellationToken cancellationToken)
    {
        var parsed = source.Parse(webhook);
        if ((parsed.Rejection ?? OverlongKeys(parsed.Drafts)) is not { } rejection)
        {
            return (parsed.Drafts, null);
        }

        IntakeLog.Rejected(logger, source.Name, rejection.Kind);
        return ([], quarantines(rejection.Kind)
            ? await quarantine.QuarantineAsync(source.Name, webhook, rejection, cancellationToken)
            : IntakeResult.Rejected(rejection.Kind, rejection.Detail, rejection.Errors));
    }

    private static Rejection? OverlongKeys(IEnumerable<LeadDraft> drafts) =>
        drafts.Select(DraftBounds.KeyErrors).FirstOrDefault(e => e.Count > 0) is { } errors
            ? new Rejection(RejectionKind.Unprocessable, "The payload cannot become a lead.", errors)
            : null;
}
