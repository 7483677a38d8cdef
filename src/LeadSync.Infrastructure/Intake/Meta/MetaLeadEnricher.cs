namespace LeadSync.Infrastructure.Intake.Meta;

/// <summary>Completes Meta leads by reading each <c>leadgen_id</c> from the Graph API (needs <c>leads_retrieval</c>).</summary>
public sealed class MetaLeadEnricher(IMetaGraphApi api, IOptionsMonitor<MetaSourceOptions> options) : ILeadEnricher
{
    private const string Vendor = "Meta Graph API";

    public string Source => MetaWebhookSource.SourceName;

    public async Task<EnrichmentResult> EnrichAsync(Lead lead, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (string.IsNullOrEmpty(settings.AccessToken))
        {
            return EnrichmentResult.Blocked("no Meta access token is configured", EnrichmentResponses.CredentialsRetry);
        }

        if (lead.EnrichmentKey is not { } leadgenId || !leadgenId.All(char.IsAsciiDigit))
        {
            return EnrichmentResult.Permanent("the lead has no numeric leadgen_id");
        }

        try
        {
            // appsecret_proof lets the app require it ("Require App Secret"), so a leaked token alone cannot read leads.
            var proof = Hmac.ToHex(Hmac.Sha256(settings.AppSecret ?? string.Empty, default, Encoding.UTF8.GetBytes(settings.AccessToken)));
            var response = await api.GetLeadAsync(settings.GraphApiVersion.TrimStart('v'), leadgenId, settings.AccessToken, proof, cancellationToken);
            if (EnrichmentResponses.Failure(response, Vendor) is { } failure)
            {
                return failure;
            }

            var graphLead = response.Content!;
            var fields = graphLead.FieldData
                .Where(f => f.Name is not null)
                .Select(f => new KeyValuePair<string, IReadOnlyList<string>>(f.Name!, f.Values));
            var touch = (lead.Touch ?? new MarketingTouch()) with
            {
                OccurredAt = lead.Touch?.OccurredAt ?? JsonPayload.Timestamp(graphLead.CreatedTime),
            };
            var errors = new Dictionary<string, string[]>();
            var draft = MetaLeadMapper.ToDraft(lead.DeliveryKey, fields, LeadFieldBag.Mapping(settings.Fields), touch, errors);
            return EnrichmentResult.Completed(draft);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException ||
            (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return EnrichmentResponses.Unreachable(Vendor, exception);
        }
    }
}
