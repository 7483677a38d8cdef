using LeadSync.Core.Notifications;
using LeadSync.Infrastructure.Notifications.Email;
using MimeKit;

namespace LeadSync.Integration.Tests.Notifications;

/// <summary>The e-mail to a person carries the three signed links bound to them, in both parts.</summary>
public sealed class PersonalEmailTests
{
    [Fact]
    public void The_mail_to_a_person_has_acknowledge_reassign_and_snooze_links_bound_to_them()
    {
        var links = ResponseLinks.Create(new Uri("https://leadsync.example/"), "ld_slack.1", 2, DateTimeOffset.UnixEpoch.AddYears(60), "dana", "s3cret");
        var message = SlackAppPayloadTests.Message() with { Links = links, AckLink = links.Acknowledge };

        using var mail = EscalationEmail.Compose(message, MailboxAddress.Parse("leadsync@example.com"), MailboxAddress.Parse("dana@example.com"));

        Assert.Contains($"Acknowledge: {links.Acknowledge}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Reassign: {links.Reassign}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Snooze: {links.Snooze}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(">Reassign</a>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(">Snooze</a>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.All([links.Acknowledge, links.Reassign, links.Snooze], l => Assert.Contains("&r=dana", l.Query, StringComparison.Ordinal));
    }

    [Fact]
    public void The_mail_to_the_team_keeps_only_the_acknowledge_link()
    {
        var message = SlackAppPayloadTests.Message("team", new EscalationDestination("team", "team", NotificationChannels.Email, "sales@example.com")) with
        {
            Links = null,
            AckLink = new Uri("https://leadsync.example/api/escalations/ld_slack.1/ack?sig=x&c=2&exp=1"),
        };

        using var mail = EscalationEmail.Compose(message, MailboxAddress.Parse("leadsync@example.com"), MailboxAddress.Parse("sales@example.com"));

        Assert.Contains("Acknowledge: ", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Reassign", mail.TextBody, StringComparison.Ordinal);
    }
}
