namespace LeadSync.Core.Notifications;

/// <summary>Rejects directory channels LeadSync does not know, so a typo stops the host instead of silently rerouting.</summary>
public sealed class DirectoryOptionsValidator : IValidateOptions<DirectoryOptions>
{
    public ValidateOptionsResult Validate(string? name, DirectoryOptions options)
    {
        var failures = new List<string>();
        var known = string.Join(", ", NotificationChannels.All);
        if (!IsKnown(options.DefaultTeamChannel))
        {
            failures.Add($"{DirectoryOptions.Section}:DefaultTeamChannel '{options.DefaultTeamChannel}' must be one of {known}.");
        }

        foreach (var (owner, entry) in options.Owners)
        {
            if (!string.IsNullOrWhiteSpace(entry.Channel) && !IsKnown(entry.Channel))
            {
                failures.Add($"{DirectoryOptions.Section}:Owners:{owner}:Channel '{entry.Channel}' must be one of {known}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsKnown(string? channel) =>
        NotificationChannels.All.Contains(channel?.Trim() ?? string.Empty, StringComparer.OrdinalIgnoreCase);
}
