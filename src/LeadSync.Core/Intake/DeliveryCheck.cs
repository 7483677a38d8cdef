namespace LeadSync.Core.Intake;

/// <summary>
/// The request-path part of intake: authenticates and parses the delivery, and quarantines an authentic one that cannot
/// become a lead. Stores nothing else: an accepted delivery is written to the inbox and filed later by
/// <see cref="LeadFiling"/>.
/// </summary>
internal sealed class DeliveryCheck(
    Func<string, IWebhookSource?> findSource, IOptions<IntakeOptions> options, WebhookRedactor redactor, DeliveryParser parser, ILogger logger)
{
    public async Task<IntakeCheck> CheckAsync(InboundWebhook webhook, CancellationToken cancellationToken)
    {
        var check = await CheckCoreAsync(webhook, cancellationToken);
        if (check.Rejection is { } refused)
        {
            LeadSyncTelemetry.Rejections.Add(1, new KeyValuePair<string, object?>("reason", refused.Kind.ToString()));
        }

        return check;
    }

    private async Task<IntakeCheck> CheckCoreAsync(InboundWebhook webhook, CancellationToken cancellationToken)
    {
        var source = findSource(webhook.Source);
        if (source is null)
        {
            return IntakeCheck.Rejected(RejectionKind.UnknownSource, $"No enabled webhook source is named '{IntakeLog.Truncate(webhook.Source)}'.");
        }

        if (webhook.Body.Length > options.Value.MaxBodyBytes)
        {
            return IntakeCheck.Rejected(RejectionKind.PayloadTooLarge, $"The body exceeds {options.Value.MaxBodyBytes} bytes.");
        }

        if (!AcceptsMediaType(source, webhook.ContentType))
        {
            return IntakeCheck.Rejected(RejectionKind.UnsupportedMediaType,
                $"This source accepts {string.Join(", ", source.AcceptedMediaTypes)}.");
        }

        if (source.Authenticate(webhook) is { } unauthenticated)
        {
            IntakeLog.Rejected(logger, source.Name, unauthenticated.Kind);
            return IntakeCheck.Rejected(unauthenticated.Kind, unauthenticated.Detail);
        }

        // Authenticated: from here on only the delivery without its credentials is used (and possibly quarantined).
        webhook = redactor.Redact(webhook);

        // Only an authentic payload that cannot become a lead is quarantined; malformed input is simply refused.
        var (drafts, refused) = await parser.ParseAsync(source, webhook, kind => kind == RejectionKind.Unprocessable, cancellationToken);
        if (refused?.Rejection is { } rejection)
        {
            return IntakeCheck.Rejected(rejection.Kind, rejection.Detail, rejection.Errors);
        }

        return IntakeCheck.Passes([.. drafts.Select(d => LeadIdFactory.FromDelivery(source.Name, d.IsErasure ? d.EraseDeliveryKey! : d.DeliveryKey))], webhook);
    }

    private static bool AcceptsMediaType(IWebhookSource source, string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return source.AcceptedMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);
    }
}
