namespace LeadSync.Core.Notifications;

/// <summary>What a sales owner, manager or team is told when a lead breaches its SLA (or misses its follow-up cadence).</summary>
public sealed record EscalationMessage
{
    public const string EscalationKind = "escalation";
    public const string FollowUpMissedKind = "follow-up-missed";

    public required string NoticeId { get; init; }
    public required string LeadId { get; init; }
    public required int Level { get; init; }
    public required string Recipient { get; init; }
    public required string LeadName { get; init; }
    public string? Company { get; init; }
    public required string Source { get; init; }
    public string? Owner { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required DateTimeOffset DeadlineAt { get; init; }
    public required TimeSpan Late { get; init; }
    public required Uri LeadLink { get; init; }

    /// <summary><see cref="EscalationKind"/> or <see cref="FollowUpMissedKind"/>.</summary>
    public string Kind { get; init; } = EscalationKind;

    /// <summary>What the level did besides notifying (<c>notify</c>, <c>reassign</c>, <c>mark-breached</c>).</summary>
    public string? Action { get; init; }

    /// <summary>Where the message goes; null means the generic channel.</summary>
    public EscalationDestination? Destination { get; init; }

    /// <summary>The signed acknowledge link; null when no <c>AckSecret</c> is configured.</summary>
    public Uri? AckLink { get; init; }

    /// <summary>
    /// The signed acknowledge / reassign / snooze links bound to the recipient, when the destination is a person and an
    /// <c>AckSecret</c> is configured (then <see cref="AckLink"/> is the same acknowledge link).
    /// </summary>
    public ResponseLinks? Links { get; init; }

    /// <summary>The lead's cycle the notice fired in (Slack buttons carry it, as links do).</summary>
    public int Cycle { get; init; }

    /// <summary>Attempts sales made so far (for follow-up notices).</summary>
    public int Attempts { get; init; }

    /// <summary>Raised while the CRM could not be read (see <see cref="EscalationNotice.CrmUnchecked"/>).</summary>
    public bool CrmUnchecked { get; init; }

    /// <summary>What the headline adds when <see cref="CrmUnchecked"/>.</summary>
    public const string CrmUncheckedNote = " (the CRM could not be checked: sales may already have reached this lead)";

    /// <summary>One line that says it all, for text fallbacks, subjects and logs.</summary>
    public string Headline => (Kind == FollowUpMissedKind
        ? $"Follow-up cadence missed: {LeadName}{(Company is null ? string.Empty : " at " + Company)} had {Attempts} attempt(s)"
        : $"SLA breach, level {Level} ({Recipient}): {LeadName}{(Company is null ? string.Empty : " at " + Company)} not contacted, {LateText} late")
        + (CrmUnchecked ? CrmUncheckedNote : string.Empty);

    /// <summary>How late, in words (e.g. <c>2 h 5 min</c>).</summary>
    public string LateText => Late.TotalMinutes < 1 ? $"{Math.Max(0, (int)Late.TotalSeconds)} s"
        : Late.TotalHours < 1 ? $"{(int)Late.TotalMinutes} min"
        : $"{(int)Late.TotalHours} h {Late.Minutes} min";

    /// <summary>The owner's manager from the escalation directory, when listed.</summary>
    public string? Manager { get; init; }

    /// <summary>The channel the message is sent on (<see cref="NotificationChannels"/>).</summary>
    public string? Channel { get; init; }
}
