namespace LeadSync.Core.Notifications;

/// <summary>The admin-maintained escalation directory (<c>LeadSync:Directory</c>).</summary>
public sealed class DirectoryOptions
{
    public const string Section = "LeadSync:Directory";

    /// <summary>Sales owners by the owner name the CRM reports (<c>LeadSync:Directory:Owners:{owner}</c>).</summary>
    public IDictionary<string, DirectoryEntryOptions> Owners { get; } =
        new Dictionary<string, DirectoryEntryOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The channel (<c>teams</c>, <c>slack</c>, <c>email</c>, <c>webhook</c>) that reaches the team.</summary>
    public string DefaultTeamChannel { get; set; } = NotificationChannels.Webhook;
}
