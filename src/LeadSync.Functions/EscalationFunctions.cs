namespace LeadSync.Functions;

/// <summary>
/// The signed acknowledge link of an escalation (GET shows the confirmation page, POST records), the signed reassign /
/// snooze links, and the Slack app's interactivity URL; every signature is checked in shared code.
/// </summary>
public sealed class EscalationFunctions(EscalationAckEndpoints endpoints, EscalationActionEndpoints actions, SlackInteractivityEndpoints slack)
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

    [Function("escalation-action-page")]
    public Task<IActionResult> ShowActionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.EscalationAction)] HttpRequest request,
        string id,
        string action) =>
        actions.ShowAsync(request, id, action).AsActionResult();

    [Function("escalation-action")]
    public Task<IActionResult> ActAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.EscalationAction)] HttpRequest request,
        string id,
        string action,
        CancellationToken cancellationToken) =>
        actions.ActAsync(request, id, action, cancellationToken).AsActionResult();

    [Function("slack-interactivity")]
    public Task<IActionResult> SlackInteractivityAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.SlackInteractivity)] HttpRequest request,
        CancellationToken cancellationToken) =>
        slack.ReceiveAsync(request, cancellationToken).AsActionResult();
}
