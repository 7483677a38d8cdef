namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary>
/// Makes text from a lead safe for Slack <c>mrkdwn</c> and the message's top-level <c>text</c>: <c>&amp;</c>,
/// <c>&lt;</c> and <c>&gt;</c> become entities (Slack's own escaping rules), so a value such as <c>&lt;!channel&gt;</c>,
/// <c>&lt;@U123&gt;</c> or <c>&lt;https://x|Acknowledge&gt;</c> is shown as text instead of pinging everyone or
/// becoming a link.
/// </summary>
public static class SlackText
{
    public static string Escape(string value)
    {
        return value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
    }
}
