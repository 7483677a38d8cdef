namespace LeadSync.Functions;

/// <summary>The signed acknowledge link of an escalation: GET shows the confirmation page, POST records (signature checked in shared code).</summary>
public sealed class EscalationFunctions(EscalationAckEndpoints endpoints)
{
    [Function("escalation-ack-page")]
    public Task<IActionResult> ShowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.EscalationAck)] HttpRequest request,
        string id) =>
        endpoints.ShowAsync(request, id).AsActionResult();

    [Function("escalation-ack")]
    public Task<IActionResult> AcknowledgeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.EscalationAck)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        endpoints.AcknowledgeAsync(request, id, cancellationToken).AsActionResult();
}
