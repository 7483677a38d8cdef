namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary>
/// Who a directory person is in Slack: the directory's <see cref="EscalationDestination.SlackUserId"/> when set, else
/// <c>users.lookupByEmail</c> on their e-mail, cached (found or not) for <see cref="SlackOptions.UserCacheLifetime"/> so a
/// busy ladder asks Slack once per person per period.
/// </summary>
public sealed partial class SlackPeople(ISlackWebApi api, IOptionsMonitor<SlackOptions> options, TimeProvider timeProvider, ILogger<SlackPeople> logger)
{
    private readonly ConcurrentDictionary<string, (string? UserId, DateTimeOffset Until)> _byEmail = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The person's member id; null with the reason when Slack does not know them (or could not be asked).</summary>
    public async Task<SlackPerson> FindAsync(EscalationDestination destination, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(destination.SlackUserId))
        {
            return new SlackPerson(destination.SlackUserId.Trim(), null);
        }

        if (string.IsNullOrWhiteSpace(destination.Email))
        {
            return new SlackPerson(null, "no Slack user id or e-mail in the directory") { NotInSlack = true };
        }

        var email = destination.Email.Trim();
        var now = timeProvider.GetUtcNow();
        if (_byEmail.TryGetValue(email, out var cached) && cached.Until > now)
        {
            return new SlackPerson(cached.UserId, cached.UserId is null ? "slack users_not_found" : null) { NotInSlack = cached.UserId is null };
        }

        try
        {
            var response = await api.LookupByEmailAsync(email, cancellationToken);
            var (error, retryAfter) = SlackApiResult.Check(response, r => (r.Ok && r.User is { Deleted: false }, r.Ok ? "user_deleted" : r.Error), now);
            if (error is null)
            {
                _byEmail[email] = (response.Content!.User!.Id, now + options.CurrentValue.UserCacheLifetime);
                return new SlackPerson(response.Content.User.Id, null);
            }

            var notInSlack = error is "slack users_not_found" or "slack user_deleted";
            if (notInSlack)
            {
                // A definite "no such member": remembered too, so the next notices do not ask again.
                _byEmail[email] = (null, now + options.CurrentValue.UserCacheLifetime);
            }

            LogLookupFailed(logger, error);
            return new SlackPerson(null, error, retryAfter) { NotInSlack = notInSlack };
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new SlackPerson(null, "users.lookupByEmail unreachable: " + ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 7121, Level = LogLevel.Warning, Message = "Slack users.lookupByEmail failed: {Error}")]
    private static partial void LogLookupFailed(ILogger logger, string error);
}
