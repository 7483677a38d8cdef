namespace LeadSync.Functions;

/// <summary>Signed callbacks from the CRM: contacted, converted, disqualified, nurture.</summary>
public sealed class CrmEventFunctions(CrmEventEndpoints endpoints)
{
    [Function("crm-event")]
    public Task<IActionResult> ReceiveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CrmEvents)] HttpRequest request,
        string provider,
        CancellationToken cancellationToken) =>
        endpoints.ReceiveAsync(request, provider, cancellationToken).AsActionResult();
}
