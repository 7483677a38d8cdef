using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LeadSync.Testing;

/// <summary>Signs a request the way Slack does (v0), written independently of the production verifier.</summary>
public static class SlackRequestSigner
{
    public static string Sign(string signingSecret, long timestamp, string body)
    {
        var basestring = string.Create(CultureInfo.InvariantCulture, $"v0:{timestamp}:{body}");
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(signingSecret));
        return "v0=" + string.Concat(hmac.ComputeHash(Encoding.UTF8.GetBytes(basestring)).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    /// <summary>A form body as Slack sends a block_actions click: <c>payload=</c> + the URL-encoded JSON.</summary>
    public static string FormBody(string payloadJson) => "payload=" + Uri.EscapeDataString(payloadJson);

    /// <summary>A minimal block_actions payload for a click on <paramref name="actionId"/> by <paramref name="userId"/>.</summary>
    public static string BlockActions(string userId, string actionId, string value, Uri? responseUrl = null) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            type = "block_actions",
            user = new { id = userId, username = "someone", name = "someone", team_id = "T111" },
            api_app_id = "A111",
            container = new { type = "message", message_ts = "111.222", channel_id = "C111", is_ephemeral = false },
            trigger_id = "111.222.valid",
            team = new { id = "T111", domain = "workspace-domain" },
            response_url = responseUrl?.ToString() ?? "https://hooks.slack.com/actions/T111/111/random-value",
            actions = new[] { new { action_id = actionId, block_id = "leadsync_escalation", type = "button", value, action_ts = "1596530385.194939" } },
        });
}
