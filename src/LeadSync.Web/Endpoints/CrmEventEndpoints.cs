using LeadSync.Infrastructure.Crm.Sandbox;

namespace LeadSync.Web.Endpoints;

/// <summary>
/// <c>POST /api/crm-events/{provider}</c>: a CRM pushes "contacted / converted / disqualified / nurture" at once.
/// Signed like a Standard Webhook with <c>LeadSync:Crm:EventsSecret</c>. Body:
/// <c>{ "leadId": "ld_…", "event": "contacted", "at": "2026-11-23T10:00:00Z", "owner": "…" }</c>.
/// </summary>
public sealed class CrmEventEndpoints(
    CrmEventProcessor processor,
    ICrmGateway crm,
    SandboxCrmGateway sandbox,
    StandardWebhookVerifier verifier,
    IOptionsMonitor<CrmOptions> options,
    EndpointGuard guard)
{
    private const int MaxBodyBytes = 64 * 1024;

    public Task<IResult> ReceiveAsync(HttpRequest request, string provider, CancellationToken cancellationToken) =>
        guard.RunAsync("crm event", async () =>
        {
            var secret = options.CurrentValue.EventsSecret;
            if (string.IsNullOrEmpty(secret) || !string.Equals(provider, crm.Name, StringComparison.OrdinalIgnoreCase))
            {
                return Problem.NotFound("No CRM callback is configured for this provider.");
            }

            var body = await RequestReader.ReadBodyAsync(request, MaxBodyBytes, cancellationToken);
            if (body is null)
            {
                return Problem.Of(ProblemTypes.PayloadTooLarge, $"The body exceeds {MaxBodyBytes} bytes.");
            }

            if (request.ContentType?.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase) != true)
            {
                return Problem.Of(ProblemTypes.UnsupportedMediaType, "CRM events are application/json.");
            }

            var check = verifier.Verify(
                request.Headers[StandardWebhookVerifier.IdHeader], request.Headers[StandardWebhookVerifier.TimestampHeader],
                request.Headers[StandardWebhookVerifier.SignatureHeader], body, secret);
            if (check != SignatureCheck.Valid)
            {
                return Problem.Of(ProblemTypes.Unauthenticated, $"CRM event signature check failed: {check}.");
            }

            var parsed = CrmEventParser.Parse(body);
            if (parsed.Event is not { } crmEvent)
            {
                return Problem.From(parsed.Rejection!);
            }

            if (crm is SandboxCrmGateway)
            {
                await sandbox.RecordActivityAsync(crmEvent.LeadId, crmEvent.State, crmEvent.At, cancellationToken);
            }

            var result = await processor.ApplyAsync(crm.Name, crmEvent, cancellationToken);
            return result.Status switch
            {
                CrmEventStatus.UnknownLead => Problem.NotFound(result.Detail),
                CrmEventStatus.NotAllowed => Problem.Of(ProblemTypes.Conflict, result.Detail),
                _ => TypedResults.Ok(new CrmEventApplied(crmEvent.LeadId, result.Lead!.Status.ToString(), result.Status == CrmEventStatus.AlreadyApplied)),
            };
        });
}
