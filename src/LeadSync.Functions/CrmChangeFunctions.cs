namespace LeadSync.Functions;

/// <summary>Native CRM change notifications: HubSpot webhooks, Salesforce outbound messages, Dataverse webhooks.</summary>
public sealed class CrmChangeFunctions(CrmChangeEndpoints endpoints)
{
    [Function("crm-changes-hubspot")]
    public Task<IActionResult> HubSpotAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CrmChangesHubSpot)] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoints.HubSpotAsync(request, cancellationToken).AsActionResult();

    [Function("crm-changes-salesforce")]
    public Task<IActionResult> SalesforceAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CrmChangesSalesforce)] HttpRequest request,
        string secret,
        CancellationToken cancellationToken) =>
        endpoints.SalesforceAsync(request, secret, cancellationToken).AsActionResult();

    [Function("crm-changes-dynamics")]
    public Task<IActionResult> DynamicsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CrmChangesDynamics)] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoints.DynamicsAsync(request, cancellationToken).AsActionResult();
}
