namespace LeadSync.Core.Notifications;

/// <summary>
/// The record that a (lead, level) escalation fired. Written in the same atomic write as the escalation itself,
/// so each level fires exactly once; delivery then retries until it is marked sent.
/// </summary>
public sealed record EscalationNotice
{
    public required string LeadId { get; init; }
    public required int Level { get; init; }
    public required string Recipient { get; init; }
    public required DateTimeOffset RaisedAt { get; init; }
    public required DateTimeOffset DeadlineAt { get; init; }
    /// <summary>What the level did besides notifying (see EscalationActions); empty for follow-up notices.</summary>
    public string? Action { get; init; }

    public DateTimeOffset? SentAt { get; init; }
    public string? DeliveredTo { get; init; }
    public int Attempts { get; init; }
    public string? AcknowledgedBy { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public string? ETag { get; init; }

    /// <summary>The lead's cycle (<c>ReEngagedCount</c>) it fired in, so a re-engaged lead's ladder starts afresh.</summary>
    public int Cycle { get; init; }

    /// <summary>True when the sweep raised it while the CRM could not be read: the message says sales may have reached the lead.</summary>
    public bool CrmUnchecked { get; init; }

    /// <summary>The pseudo-level of the one "follow-up missed" notice a lead can raise.</summary>
    public const int FollowUpLevel = 0;

    public bool IsSent => SentAt is not null;

    /// <summary>
    /// The pseudo-level of a missed cadence checkpoint: <c>CadenceLevelBase + index</c> (0-based), one notice per
    /// checkpoint, far above any ladder level.
    /// </summary>
    public const int CadenceLevelBase = 100;

    /// <summary>True for follow-up notices: the end-of-window check and every missed cadence checkpoint (no ack link).</summary>
    public bool IsFollowUp => Level == FollowUpLevel || Level >= CadenceLevelBase;

    public string Id => $"{LeadId}.{Level}";

    /// <summary>Splits a notice id (<c>{leadId}.{level}</c>) into its parts; false when it is malformed.</summary>
    public static bool TryParseId(string? id, out string leadId, out int level)
    {
        leadId = string.Empty;
        level = -1;
        var dot = id?.LastIndexOf('.') ?? -1;
        if (id is null || dot <= 0
            || !int.TryParse(id.AsSpan(dot + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out level))
        {
            return false;
        }

        leadId = id[..dot];
        return true;
    }
}
