namespace LeadSync.Functions;

/// <summary>Lead intake from marketing tools, and their endpoint-validation GETs.</summary>
public sealed class WebhookFunctions(WebhookEndpoints endpoints)
{
    [Function("webhook-receive")]
    public Task<IActionResult> ReceiveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Webhook)] HttpRequest request,
        string source,
        CancellationToken cancellationToken) =>
        endpoints.ReceiveAsync(request, source, cancellationToken).AsActionResult();

    [Function("webhook-validate")]
    public Task<IActionResult> ValidateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Webhook)] HttpRequest request,
        string source) =>
        endpoints.AnswerChallengeAsync(request, source).AsActionResult();
}
