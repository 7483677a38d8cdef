using System.Text.Json;
using System.Web;
using LeadSync.Core.Notifications;
using LeadSync.Infrastructure.Notifications.Teams;

namespace LeadSync.Integration.Tests.Notifications;

/// <summary>
/// The Teams Adaptive Card mention against the documented shape (FACTS E7, sample
/// <c>workflows-adaptive-card-mention.json</c>): <c>&lt;at&gt;…&lt;/at&gt;</c> in a TextBlock and a
/// <c>msteams.entities</c> mention with exactly that text, by UPN or Entra object id; actions as signed links bound to
/// the recipient.
/// </summary>
public sealed class TeamsMentionCardTests
{
    private const string Secret = "teams-link-secret";

    private static EscalationMessage Message(string? teamsUserId) => SlackAppPayloadTests.Message() with
    {
        Destination = new EscalationDestination("owner", "Dana Scully", NotificationChannels.Teams, "dana@example.com") { TeamsUserId = teamsUserId },
        Links = ResponseLinks.Create(new Uri("https://leadsync.example/"), "ld_slack.1", 2, DateTimeOffset.UnixEpoch.AddYears(60), "Dana Scully", Secret),
    };

    private static JsonElement Card(EscalationMessage message) =>
        JsonDocument.Parse(TeamsCard.Serialize(message)).RootElement.GetProperty("attachments")[0].GetProperty("content");

    private static JsonElement Documented() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "teams", "workflows-adaptive-card-mention.json"))).RootElement
            .GetProperty("attachments")[0].GetProperty("content");

    [Theory]
    [InlineData("dana.scully@contoso.example")]
    [InlineData("00000000-0000-0000-0000-0000000000aa")]
    public void The_person_is_mentioned_with_the_documented_entity_shape(string teamsUserId)
    {
        var card = Card(Message(teamsUserId));
        var documentedEntity = Documented().GetProperty("msteams").GetProperty("entities")[0];

        var entity = Assert.Single(card.GetProperty("msteams").GetProperty("entities").EnumerateArray());
        Assert.Equal(documentedEntity.EnumerateObject().Select(p => p.Name).Order(), entity.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(documentedEntity.GetProperty("mentioned").EnumerateObject().Select(p => p.Name).Order(),
            entity.GetProperty("mentioned").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("mention", entity.GetProperty("type").GetString());
        Assert.Equal("<at>Dana Scully</at>", entity.GetProperty("text").GetString());
        Assert.Equal(teamsUserId, entity.GetProperty("mentioned").GetProperty("id").GetString());
        Assert.Equal("Dana Scully", entity.GetProperty("mentioned").GetProperty("name").GetString());
        Assert.Contains(card.GetProperty("body").EnumerateArray(), b => b.GetProperty("type").GetString() == "TextBlock"
            && b.GetProperty("text").GetString()!.Contains(entity.GetProperty("text").GetString()!, StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_teams_identity_there_is_no_mention()
    {
        var card = Card(Message(null));

        Assert.False(card.TryGetProperty("msteams", out _));
        Assert.DoesNotContain("<at>", card.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_cannot_close_the_at_tag()
    {
        var message = Message("x@contoso.example") with
        {
            Destination = new EscalationDestination("owner", "Eve</at><at>Boss", NotificationChannels.Teams) { TeamsUserId = "x@contoso.example" },
        };

        var entity = Card(message).GetProperty("msteams").GetProperty("entities")[0];

        Assert.Equal("<at>Eve/atatBoss</at>", entity.GetProperty("text").GetString());
    }

    [Fact]
    public void The_actions_are_signed_links_bound_to_the_recipient()
    {
        var actions = Card(Message("dana@contoso.example")).GetProperty("actions").EnumerateArray().ToList();

        Assert.Equal(["Open lead", "Acknowledge", "Reassign", "Snooze"], actions.Select(a => a.GetProperty("title").GetString()));
        Assert.All(actions, a => Assert.Equal("Action.OpenUrl", a.GetProperty("type").GetString()));
        foreach (var (action, index) in new[] { (EscalationResponseActions.Acknowledge, 1), (EscalationResponseActions.Reassign, 2), (EscalationResponseActions.Snooze, 3) })
        {
            var url = new Uri(actions[index].GetProperty("url").GetString()!);
            var query = HttpUtility.ParseQueryString(url.Query);
            Assert.Equal("Dana Scully", query["r"]);
            Assert.True(RecipientLinkSignature.IsValid("ld_slack.1", int.Parse(query["c"]!, System.Globalization.CultureInfo.InvariantCulture),
                long.Parse(query["exp"]!, System.Globalization.CultureInfo.InvariantCulture), action, "Dana Scully", query["sig"], Secret));
            Assert.False(RecipientLinkSignature.IsValid("ld_slack.1", 2,
                long.Parse(query["exp"]!, System.Globalization.CultureInfo.InvariantCulture), action, "Mallory", query["sig"], Secret));
        }
    }
}
