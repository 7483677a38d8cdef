namespace LeadSync.Web.Endpoints;

/// <summary>
/// <c>POST</c> and <c>GET /api/webhooks/{source}</c>: lead intake (202 once the delivery is in the durable inbox) and
/// vendor endpoint validation.
/// </summary>
public sealed class WebhookEndpoints(
    WebhookIntake intake, WebhookReceiver receiver, IOptions<IntakeOptions> options, EndpointGuard guard, FailedAuthenticationLimiter failedAuthentications)
{
    public Task<IResult> ReceiveAsync(HttpRequest request, string source, CancellationToken cancellationToken) =>
        guard.RunAsync("webhook intake", async () =>
        {
            if (intake.FindSource(source) is null)
            {
                return Problem.Of(ProblemTypes.UnknownSource, "No enabled webhook source has this name.");
            }

            var body = await RequestReader.ReadBodyAsync(request, options.Value.MaxBodyBytes, cancellationToken);
            if (body is null)
            {
                return Problem.Of(ProblemTypes.PayloadTooLarge, $"The body exceeds {options.Value.MaxBodyBytes} bytes.");
            }

            var check = await receiver.ReceiveAsync(RequestReader.ToWebhook(request, source, body), cancellationToken);
            if (check.Rejection is { Kind: RejectionKind.Unauthenticated } && failedAuthentications.Refuse(source) is { } retryAfter)
            {
                return Problem.TooManyRequests(retryAfter, "Too many requests to this source failed authentication; retry later.");
            }

            if (check.Rejection is { } rejection)
            {
                return Problem.From(rejection);
            }

            return check.LeadIds.Count == 1
                ? TypedResults.Accepted((string?)null, new WebhookAccepted(check.LeadIds[0]))
                : TypedResults.Accepted((string?)null, new WebhookBatchAccepted([.. check.LeadIds.Select(id => new WebhookAccepted(id))]));
        });

    public Task<IResult> AnswerChallengeAsync(HttpRequest request, string source) =>
        guard.RunAsync("webhook validation", () =>
        {
            var found = intake.FindSource(source);
            if (found is null)
            {
                return Task.FromResult(Problem.Of(ProblemTypes.UnknownSource, "No enabled webhook source has this name."));
            }

            var answer = found.AnswerChallenge(RequestReader.ToWebhook(request, source, ReadOnlyMemory<byte>.Empty));
            return Task.FromResult(answer switch
            {
                null => Problem.Of(ProblemTypes.MethodNotAllowed, "This source takes deliveries by POST only."),
                { IsRefusal: true } => Problem.ChallengeRefused(answer.StatusCode, answer.Body),
                _ => Results.Text(answer.Body, answer.ContentType, statusCode: answer.StatusCode),
            });
        });
}
