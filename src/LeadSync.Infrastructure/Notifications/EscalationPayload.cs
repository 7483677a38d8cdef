namespace LeadSync.Infrastructure.Notifications;

/// <summary>The JSON body LeadSync POSTs to a generic notification webhook (and stores in the outbox).</summary>
public sealed record EscalationPayload(
    string Type,
    string NoticeId,
    string LeadId,
    int Level,
    string Recipient,
    string Lead,
    string? Company,
    string Source,
    string? Owner,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DeadlineAt,
    int MinutesLate,
    string Summary,
    Uri LeadUrl,
    string Kind = EscalationMessage.EscalationKind,
    string? Action = null,
    string? Destination = null,
    Uri? AckUrl = null,
    string? Manager = null,
    string? Channel = null)
{
    public static EscalationPayload From(EscalationMessage message)
    {
        var minutesLate = (int)Math.Max(0, message.Late.TotalMinutes);
        var summary = message.Kind == EscalationMessage.FollowUpMissedKind ? message.Headline + "." : string.Create(CultureInfo.InvariantCulture,
            $"SLA breach, level {message.Level} ({message.Recipient}): {message.LeadName}{(message.Company is null ? string.Empty : " at " + message.Company)} from {message.Source} has not been contacted, {minutesLate} min past the first-touch deadline.")
            + (message.CrmUnchecked && message.Kind != EscalationMessage.FollowUpMissedKind ? " The CRM could not be checked: sales may already have reached this lead." : string.Empty);
        return new EscalationPayload("leadsync.escalation", message.NoticeId, message.LeadId, message.Level, message.Recipient,
            message.LeadName, message.Company, message.Source, message.Owner, message.ReceivedAt, message.DeadlineAt, minutesLate, summary, message.LeadLink,
            message.Kind, message.Action, message.Destination?.Name, message.AckLink,
            message.Manager, message.Channel);
    }
}
