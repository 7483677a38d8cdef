namespace LeadSync.Infrastructure.Intake.HubSpot;

/// <summary>Completes id-only HubSpot leads by reading the contact from CRM v3.</summary>
public sealed class HubSpotLeadEnricher(IHubSpotCrmApi api, IOptionsMonitor<HubSpotSourceOptions> options) : ILeadEnricher
{
    private const string Vendor = "HubSpot";

    public string Source => HubSpotWebhookSource.SourceName;

    public async Task<EnrichmentResult> EnrichAsync(Lead lead, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.CurrentValue.AccessToken))
        {
            return EnrichmentResult.Blocked("no HubSpot access token is configured", EnrichmentResponses.CredentialsRetry);
        }

        if (lead.EnrichmentKey is not { } contactId || !contactId.All(char.IsAsciiDigit))
        {
            return EnrichmentResult.Permanent("the lead has no numeric HubSpot contact id");
        }

        try
        {
            var response = await api.GetContactAsync(contactId, options.CurrentValue.EffectiveContactProperties, cancellationToken);
            if (EnrichmentResponses.Failure(response, Vendor) is { } failure)
            {
                return failure;
            }

            var errors = new Dictionary<string, string[]>();
            var draft = HubSpotContactMapper.ToDraft(lead.DeliveryKey, response.Content!.Properties, lead.Touch, errors);
            return EnrichmentResult.Completed(draft);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException ||
            (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return EnrichmentResponses.Unreachable(Vendor, exception);
        }
    }
}
