using System.Net.Http.Json;
using LeadSync.Infrastructure.Notifications;
using LeadSync.Infrastructure.Notifications.Slack;
using Microsoft.AspNetCore.WebUtilities;

namespace LeadSync.Web.Endpoints;

/// <summary>
/// <c>POST /api/slack/interactivity</c>: the Slack app's interactivity request URL. The <c>X-Slack-Signature</c> (v0,
/// five-minute tolerance, constant-time compare, one use per signature) is checked over the raw form body; then the
/// Acknowledge / Reassign / Snooze button is applied as the directory person behind the Slack user who clicked, who
/// must be the escalation's recipient or that person's manager (anyone else is told so, politely, and nothing changes).
/// Slack shows the answer to the clicker only (an ephemeral reply, also sent to the payload's <c>response_url</c>).
/// </summary>
public sealed partial class SlackInteractivityEndpoints(
    EscalationResponder responder,
    INoticeStore notices,
    ILeadStore leads,
    IEscalationDirectory directory,
    SlackPeople people,
    SlackReplayGuard replays,
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<SlackOptions> options,
    TimeProvider timeProvider,
    EndpointGuard guard,
    ILogger<SlackInteractivityEndpoints> logger)
{
    public const int MaxBodyBytes = 64 * 1024;

    public Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync("slack interactivity", async () =>
        {
            var settings = options.CurrentValue;
            if (!settings.UsesApp || string.IsNullOrWhiteSpace(settings.SigningSecret))
            {
                return Problem.NotFound("The Slack app is not configured here.");
            }

            var body = await RequestReader.ReadBodyAsync(request, MaxBodyBytes, cancellationToken);
            if (body is null)
            {
                return Problem.Of(ProblemTypes.PayloadTooLarge, $"The body exceeds {MaxBodyBytes} bytes.");
            }

            string? timestamp = request.Headers[SlackSignature.TimestampHeader];
            string? signature = request.Headers[SlackSignature.SignatureHeader];
            switch (SlackSignature.Verify(settings.SigningSecret, timestamp, signature, body, timeProvider.GetUtcNow()))
            {
                case SlackSignatureCheck.Missing:
                    return Problem.Of(ProblemTypes.Unauthenticated, $"{SlackSignature.SignatureHeader} and {SlackSignature.TimestampHeader} are required.");
                case SlackSignatureCheck.Stale:
                    return Problem.Of(ProblemTypes.Unauthenticated, $"{SlackSignature.TimestampHeader} is more than five minutes from now; the request is refused as a possible replay.");
                case SlackSignatureCheck.Mismatch:
                    return Problem.Of(ProblemTypes.Unauthenticated, $"{SlackSignature.SignatureHeader} does not match the body and the app's signing secret.");
            }

            if (!replays.TryAccept(signature!))
            {
                return Problem.Of(ProblemTypes.Unauthenticated, "This signed request was already received; a replay is refused.");
            }

            var mediaType = request.ContentType?.Split(';')[0].Trim();
            if (!string.Equals(mediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            {
                return Problem.Of(ProblemTypes.UnsupportedMediaType, "Slack interactivity requests are application/x-www-form-urlencoded.");
            }

            var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
            var interaction = form.TryGetValue("payload", out var payload) && payload.Count == 1 ? SlackInteraction.TryParse(payload[0]) : null;
            if (interaction is null)
            {
                return Problem.Of(ProblemTypes.Malformed, "The form field 'payload' must be a Slack interaction JSON with a user and an action.");
            }

            if (interaction.Type != "block_actions" || SlackAppMessage.ActionOf(interaction.ActionId) is not { } action
                || !SlackAppMessage.TryParseValue(interaction.Value, out var noticeId, out var cycle))
            {
                return Problem.Of(ProblemTypes.Malformed, "The interaction is not one of LeadSync's Acknowledge / Reassign / Snooze buttons.");
            }

            var text = await HandleAsync(interaction.UserId, action, noticeId, cycle, cancellationToken);
            var reply = new SlackReply("ephemeral", false, text);
            await ReplyAsync(interaction.ResponseUrl, reply, settings, cancellationToken);
            return TypedResults.Ok(reply);
        });

    private async Task<string> HandleAsync(string slackUserId, string action, string noticeId, int cycle, CancellationToken cancellationToken)
    {
        EscalationNotice.TryParseId(noticeId, out var leadId, out var level);
        var notice = await notices.GetAsync(leadId, level, cancellationToken);
        var lead = notice is null ? null : await leads.GetAsync(leadId, cancellationToken);
        if (notice is null || lead is null)
        {
            return "This escalation no longer exists.";
        }

        var actor = await ActorAsync(slackUserId, notice.Recipient, lead.Owner, cancellationToken);
        if (actor is null)
        {
            LogRefused(logger, leadId, level);
            return "Sorry, only the person this escalation was sent to, or their manager, can act on it. Nothing was changed.";
        }

        var result = await responder.RespondAsync(noticeId, cycle, action, $"{actor} (Slack {slackUserId})", cancellationToken);
        return result.Detail;
    }

    /// <summary>
    /// The directory name of the clicker when they are the recipient of the escalation or that person's manager; for the
    /// team rung, the lead's owner or the owner's manager. Null for anyone else.
    /// </summary>
    private async Task<string?> ActorAsync(string slackUserId, string recipient, string? owner, CancellationToken cancellationToken)
    {
        var target = directory.Resolve(recipient, owner);
        var person = ResponseLinks.RecipientOf(target) is null ? directory.Resolve("owner", owner) : target;
        var candidates = new List<EscalationDestination>();
        if (ResponseLinks.RecipientOf(person) is not null)
        {
            candidates.Add(person);
            if (directory.ManagerOf(person.Name) is { } manager)
            {
                candidates.Add(directory.Resolve("owner", manager));
            }
        }

        foreach (var candidate in candidates)
        {
            if ((await people.FindAsync(candidate, cancellationToken)).UserId is { } id && string.Equals(id, slackUserId, StringComparison.Ordinal))
            {
                return candidate.Name;
            }
        }

        return null;
    }

    /// <summary>Posts the reply to the payload's <c>response_url</c> when it is Slack's (or the configured API host's); best effort.</summary>
    private async Task ReplyAsync(Uri? responseUrl, SlackReply reply, SlackOptions settings, CancellationToken cancellationToken)
    {
        if (responseUrl is null || !(responseUrl.Host.Equals("hooks.slack.com", StringComparison.OrdinalIgnoreCase)
            || (responseUrl.Host.Equals(settings.ApiBaseUrl.Host, StringComparison.OrdinalIgnoreCase) && responseUrl.Port == settings.ApiBaseUrl.Port)))
        {
            return;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            using var response = await httpClientFactory.CreateClient(ConfiguredNotifier.HttpClientName).PostAsJsonAsync(responseUrl, reply, timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogReplyFailed(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 7110, Level = LogLevel.Information, Message = "Slack click on lead {LeadId} level {Level} refused: not the recipient or their manager")]
    private static partial void LogRefused(ILogger logger, string leadId, int level);

    [LoggerMessage(EventId = 7111, Level = LogLevel.Warning, Message = "Slack response_url reply failed: {Error}")]
    private static partial void LogReplyFailed(ILogger logger, string error);
}
