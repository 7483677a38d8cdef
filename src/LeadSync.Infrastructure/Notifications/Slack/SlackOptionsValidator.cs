namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary>Stops the host when the Slack app settings cannot work: a bot token needs its signing secret, a known mode and a channel (the team rung, channel
/// mode and people Slack does not know post there; without it those notices could never be delivered).</summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        if (!SlackDeliveryModes.All.Contains(options.DeliveryMode?.Trim() ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{SlackOptions.Section}:DeliveryMode '{options.DeliveryMode}' must be one of {string.Join(", ", SlackDeliveryModes.All)}.");
        }

        if (options.UsesApp)
        {
            if (!options.BotToken!.Trim().StartsWith("xoxb-", StringComparison.Ordinal))
            {
                failures.Add($"{SlackOptions.Section}:BotToken must be a bot token (xoxb-…).");
            }

            if (string.IsNullOrWhiteSpace(options.SigningSecret))
            {
                failures.Add($"{SlackOptions.Section}:SigningSecret is required with a bot token (it verifies the Acknowledge / Reassign / Snooze buttons).");
            }

            if (string.IsNullOrWhiteSpace(options.Channel))
            {
                failures.Add($"{SlackOptions.Section}:Channel is required with a bot token: the team rung, channel mode and anyone Slack does not know are posted there.");
            }
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("https" or "http"))
        {
            failures.Add($"{SlackOptions.Section}:ApiBaseUrl must be an absolute http(s) URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
