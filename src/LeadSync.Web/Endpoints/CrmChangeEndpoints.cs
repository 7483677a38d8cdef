using LeadSync.Infrastructure.Crm;

namespace LeadSync.Web.Endpoints;

/// <summary>
/// Native CRM change notifications, one route per CRM, each authenticated the vendor's way by its
/// <see cref="ICrmChangeSource"/>: <c>POST /api/crm-changes/hubspot</c> (app webhooks, <c>X-HubSpot-Signature-v3</c>),
/// <c>POST /api/crm-changes/salesforce/{secret}</c> (Outbound Messages, answered with the SOAP <c>Ack</c>) and
/// <c>POST /api/crm-changes/dynamics</c> (Dataverse webhook, <c>WebhookKey</c> or <c>HttpHeader</c>). Only the
/// configured CRM's route is served; the others answer 404.
/// </summary>
public sealed class CrmChangeEndpoints(IEnumerable<ICrmChangeSource> sources, CrmChangeIntake intake, EndpointGuard guard)
{
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The acknowledgement Salesforce waits for; without it the whole message is redelivered for 24 hours.</summary>
    public const string SalesforceAck =
        """<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound"><Ack>true</Ack></notificationsResponse></soapenv:Body></soapenv:Envelope>""";

    private static readonly string[] Json = ["application/json"];
    private static readonly string[] Xml = ["text/xml", "application/xml", "application/soap+xml"];

    public Task<IResult> HubSpotAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReceiveAsync(request, "hubspot", null, Json, JsonAnswer, cancellationToken);

    public Task<IResult> SalesforceAsync(HttpRequest request, string secret, CancellationToken cancellationToken) =>
        ReceiveAsync(request, "salesforce", secret, Xml, _ => TypedResults.Text(SalesforceAck, "text/xml; charset=utf-8", System.Text.Encoding.UTF8, 200), cancellationToken);

    public Task<IResult> DynamicsAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReceiveAsync(request, "dynamics", null, Json, JsonAnswer, cancellationToken);

    private Task<IResult> ReceiveAsync(
        HttpRequest request, string provider, string? routeSecret, string[] mediaTypes, Func<CrmChangeSummary, IResult> answer, CancellationToken cancellationToken) =>
        guard.RunAsync("crm change", async () =>
        {
            var source = sources.FirstOrDefault(s => s.Provider == provider);
            if (source is not { IsEnabled: true })
            {
                return Problem.NotFound($"Native {provider} change notifications are not configured here.");
            }

            var body = await RequestReader.ReadBodyAsync(request, MaxBodyBytes, cancellationToken);
            if (body is null)
            {
                return Problem.Of(ProblemTypes.PayloadTooLarge, $"The body exceeds {MaxBodyBytes} bytes.");
            }

            var mediaType = request.ContentType?.Split(';')[0].Trim();
            if (mediaType is null || !mediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
            {
                return Problem.Of(ProblemTypes.UnsupportedMediaType, $"{provider} change notifications are {string.Join(" or ", mediaTypes)}.");
            }

            var webhook = RequestReader.ToWebhook(request, "crm:" + provider, body);
            try
            {
                var read = await source.ReadAsync(webhook, routeSecret, cancellationToken);
                if (read.Rejection is { } rejection)
                {
                    return Problem.From(rejection);
                }

                return answer(await intake.ApplyAsync(provider, read.Changes, webhook, cancellationToken));
            }
            catch (CrmUnavailableException)
            {
                return Problem.Of(ProblemTypes.CrmUnavailable, $"{provider} did not answer the read that finds the leads; nothing was applied. Retry later.");
            }
        });

    private static IResult JsonAnswer(CrmChangeSummary summary) =>
        summary.HasUnknownLeads
            ? TypedResults.Json(new CrmChangesHandled([.. summary.Results.Select(CrmChangeView.From)]), statusCode: StatusCodes.Status202Accepted)
            : TypedResults.Ok(new CrmChangesHandled([.. summary.Results.Select(CrmChangeView.From)]));
}
