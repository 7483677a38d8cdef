namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary>The Slack Web API methods the Slack app mode calls (bearer bot token added by <see cref="SlackAuthHandler"/>).</summary>
public interface ISlackWebApi
{
    /// <summary>Finds a member by e-mail (scope <c>users:read.email</c>); a miss is <c>{"ok":false,"error":"users_not_found"}</c>.</summary>
    [Get("/users.lookupByEmail")]
    Task<IApiResponse<SlackUserResponse>> LookupByEmailAsync([Query] string email, CancellationToken cancellationToken);

    /// <summary>Posts a message (scope <c>chat:write</c>); <c>channel</c> may be a user id for a direct message.</summary>
    [Post("/chat.postMessage")]
    Task<IApiResponse<SlackPostMessageResponse>> PostMessageAsync([Body(buffered: true)] JsonObject message, CancellationToken cancellationToken);
}
