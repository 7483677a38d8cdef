namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary>
/// The Slack app mode: finds the person (<see cref="SlackPeople"/>) and posts with <c>chat.postMessage</c> — to their
/// user id (a DM) or, in <c>channel</c> mode, to the configured channel with a mention. The team rung (no person) posts
/// to the configured channel, and so does a notice for someone Slack definitely does not know (not found, deactivated,
/// no id or e-mail in the directory), saying so, instead of being retried for ever. Slack's <c>ok:false</c> errors and 429 <c>Retry-After</c> become failed deliveries that
/// the notify queue retries (a post is not retried inline after it may have been accepted: no duplicate messages).
/// </summary>
public sealed class SlackAppNotifier(ISlackWebApi api, SlackPeople people, IOptionsMonitor<SlackOptions> options, TimeProvider timeProvider)
{
    public const string Destination = NotificationChannels.Slack;

    public async Task<DeliveryResult> SendAsync(EscalationMessage message, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var person = ResponseLinks.RecipientOf(message.Destination) is null ? null : message.Destination;
        string channel;
        string? mention = null;
        string? note = null;
        if (person is null)
        {
            if (string.IsNullOrWhiteSpace(settings.Channel))
            {
                return DeliveryResult.Failed(Destination, $"no Slack channel for the team ({SlackOptions.Section}:Channel)");
            }

            channel = settings.Channel.Trim();
        }
        else
        {
            var found = await people.FindAsync(person, cancellationToken);
            if (found.UserId is null && !(found.NotInSlack && !string.IsNullOrWhiteSpace(settings.Channel)))
            {
                return DeliveryResult.Failed(Destination, found.Error ?? "Slack user not found", found.RetryAfter);
            }

            var inChannel = found.UserId is null || string.Equals(settings.DeliveryMode.Trim(), SlackDeliveryModes.Channel, StringComparison.OrdinalIgnoreCase);
            channel = inChannel ? settings.Channel!.Trim() : found.UserId!;
            mention = found.UserId;
            note = found.UserId is null ? $"{person.Name} is not in Slack ({found.Error}); posted here instead." : null;
        }

        try
        {
            var response = await api.PostMessageAsync(SlackAppMessage.From(message, channel, mention, note), cancellationToken);
            var (error, retryAfter) = SlackApiResult.Check(response, r => (r.Ok, r.Error), timeProvider.GetUtcNow());
            return error is null ? DeliveryResult.To(Destination) : DeliveryResult.Failed(Destination, error, retryAfter);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Failed(Destination, "chat.postMessage unreachable: " + ex.GetType().Name);
        }
    }
}
