namespace LeadSync.Core.Notifications;

/// <summary>One person in the escalation directory.</summary>
public sealed class DirectoryEntryOptions
{
    /// <summary>The owner name of this person's manager (itself an entry of the directory, or just a name).</summary>
    public string? Manager { get; set; }

    public string? Email { get; set; }

    /// <summary>The person's Slack member id (<c>U…</c>); when empty a Slack app finds the person by e-mail.</summary>
    public string? SlackUserId { get; set; }

    /// <summary>The person's Teams identity (Entra user principal name or object id), for an @mention.</summary>
    public string? TeamsUserId { get; set; }

    /// <summary><c>teams</c>, <c>slack</c>, <c>email</c> or <c>webhook</c>; empty means e-mail when an address is set.</summary>
    public string? Channel { get; set; }
}
