namespace LeadSync.Core.Notifications;

/// <summary>What a person can do from an escalation (Slack buttons, signed links in Teams cards and e-mails).</summary>
public static class EscalationResponseActions
{
    public const string Acknowledge = "ack";
    public const string Reassign = "reassign";
    public const string Snooze = "snooze";

    public static IReadOnlyList<string> All { get; } = [Acknowledge, Reassign, Snooze];

    /// <summary>The action in canonical form, or null when it is none of <see cref="All"/>.</summary>
    public static string? Parse(string? action) =>
        All.FirstOrDefault(a => a.Equals(action?.Trim(), StringComparison.OrdinalIgnoreCase));
}
