namespace LeadSync.Infrastructure.Notifications.Email;

/// <summary>The e-mail for an escalation: the headline as subject, a text part and an HTML part with the two links.</summary>
public static class EscalationEmail
{
    public static MimeMessage Compose(EscalationMessage message, MailboxAddress from, MailboxAddress to)
    {
        var ack = (message.AckLink is { } link ? $"Acknowledge: {link}\n" : string.Empty)
            + (message.Links is { } actions ? $"Reassign: {actions.Reassign}\nSnooze: {actions.Snooze}\n" : string.Empty);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{message.Headline}\n\nLead: {message.LeadName}\nCompany: {message.Company ?? "-"}\nSource: {message.Source}\nOwner: {message.Owner ?? "-"}\nReceived: {message.ReceivedAt:u}\nDeadline: {message.DeadlineAt:u}\n\nOpen lead: {message.LeadLink}\n{ack}");
        var ackHtml = (message.AckLink is { } ackLink ? $" · <a href=\"{WebUtility.HtmlEncode(ackLink.ToString())}\">Acknowledge</a>" : string.Empty)
            + (message.Links is { } links
                ? $" · <a href=\"{WebUtility.HtmlEncode(links.Reassign.ToString())}\">Reassign</a> · <a href=\"{WebUtility.HtmlEncode(links.Snooze.ToString())}\">Snooze</a>"
                : string.Empty);
        var html = string.Create(CultureInfo.InvariantCulture,
            $"<p><strong>{WebUtility.HtmlEncode(message.Headline)}</strong></p><p>Lead: {WebUtility.HtmlEncode(message.LeadName)}<br>Company: {WebUtility.HtmlEncode(message.Company ?? "-")}<br>Source: {WebUtility.HtmlEncode(message.Source)}<br>Deadline: {message.DeadlineAt:u}</p><p><a href=\"{WebUtility.HtmlEncode(message.LeadLink.ToString())}\">Open lead</a>{ackHtml}</p>");
        var mail = new MimeMessage { Subject = message.Headline };
        mail.From.Add(from);
        mail.To.Add(to);
        mail.Headers.Add("X-LeadSync-Notice", message.NoticeId);
        mail.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return mail;
    }
}
