namespace LeadSync.Core.Sla;

/// <summary>The pure ladder decisions the sweep and the acknowledge use case share (no clock, no storage).</summary>
public static class EscalationLadder
{
    /// <summary>When level <paramref name="level"/> fires: its policy due time, held back while an acknowledgement pauses the ladder.</summary>
    public static DateTimeOffset DueAt(ISlaPolicy policy, Lead lead, int level)
    {
        var due = policy.LevelDueAt(lead, level);
        return lead.LadderPausedUntil is { } paused && paused > due ? paused : due;
    }

    /// <summary>
    /// The next level's escalation when it is due at <paramref name="now"/>: the lead one level up (and marked breached
    /// when the level says so), its timeline entry and its notice, all for one atomic write; null when nothing is due.
    /// </summary>
    public static LeadChange? Escalate(ISlaPolicy policy, Lead lead, DateTimeOffset now) => Escalate(policy, lead, now, null);

    /// <summary>
    /// As above; <paramref name="ownerAbsence"/> tells why the lead's owner is not at work now (off-hours, out of
    /// office) or null. An <c>owner</c> rung whose owner is absent is passed at once for the next rung (the reason on
    /// the timeline), so the lead does not wait on someone who is not there; the last rung is never passed.
    /// </summary>
    public static LeadChange? Escalate(ISlaPolicy policy, Lead lead, DateTimeOffset now, Func<string?, string?>? ownerAbsence)
    {
        var next = lead.EscalationLevel + 1;
        var count = policy.LevelCount(lead);
        if (lead.Status != LeadStatus.Synced || next > count || DueAt(policy, lead, next) > now)
        {
            return null;
        }

        var deadline = lead.SlaDueAt ?? policy.FirstTouchDeadline(lead);
        var recipient = policy.Recipient(lead, next);
        var entries = new List<TimelineEntry>();
        var absence = ownerAbsence is null ? null : new Lazy<string?>(() => ownerAbsence(lead.Owner));
        while (next < count && recipient.Equals("owner", StringComparison.OrdinalIgnoreCase) && absence?.Value is { } why)
        {
            var then = policy.Recipient(lead, next + 1);
            entries.Add(new TimelineEntry(now, "sla-sweep", LeadEvents.RungSkipped,
                $"Level {next} (owner) passed at once: {why}; level {next + 1} ({then}) instead."));
            next++;
            recipient = then;
        }

        var action = policy.Action(lead, next);
        var late = now - deadline;
        entries.Add(new(now, "sla-sweep", LeadEvents.Escalated,
            $"Level {next} ({recipient}, {action}): not contacted {FormatLate(late)} after the first-touch deadline."));
        var escalated = lead with { EscalationLevel = next, SlaMet = false };
        if (action == EscalationActions.MarkBreached && lead.BreachMarkedAt is null)
        {
            escalated = escalated with { BreachMarkedAt = now };
            entries.Add(new TimelineEntry(now, "sla-sweep", LeadEvents.Breached, $"Marked breached by level {next}."));
        }

        var notice = new EscalationNotice
        {
            LeadId = lead.Id,
            Level = next,
            Recipient = recipient,
            Action = action,
            RaisedAt = now,
            DeadlineAt = deadline,
            Cycle = lead.ReEngagedCount,
        };
        return new LeadChange(escalated, entries) { Notices = [notice] };
    }

    /// <summary>Records an acknowledgement and pauses the ladder until <c>at + grace</c>; null when the lead is no longer open.</summary>
    public static LeadChange? Acknowledge(Lead lead, int level, string by, DateTimeOffset at, TimeSpan grace)
    {
        if (!lead.IsOpen)
        {
            return null;
        }

        var pausedUntil = at + grace;
        var next = lead with
        {
            AcknowledgedBy = by,
            AcknowledgedAt = at,
            LadderPausedUntil = lead.LadderPausedUntil is { } paused && paused > pausedUntil ? paused : pausedUntil,
        };
        var entry = new TimelineEntry(at, by, LeadEvents.Acknowledged,
            $"Level {level} acknowledged; the next level waits until {next.LadderPausedUntil:u}.");
        return new LeadChange(next, [entry]);
    }

    /// <summary>
    /// Completes a first-touch change with the SLA result: business minutes from receipt to first touch on the lead's
    /// calendar and whether the deadline was met (a lead already escalated stays breached).
    /// </summary>
    public static LeadChange WithFirstTouchResult(ISlaPolicy policy, LeadChange change)
    {
        var lead = change.Lead;
        if (lead.FirstTouchAt is not { } touchedAt || lead.BusinessMinutesToFirstTouch is not null)
        {
            return change;
        }

        var deadline = lead.SlaDueAt ?? policy.FirstTouchDeadline(lead);
        var minutes = (int)Math.Max(0, policy.BusinessTimeBetween(lead, lead.ReceivedAt, touchedAt).TotalMinutes);
        return change with
        {
            Lead = lead with
            {
                BusinessMinutesToFirstTouch = minutes,
                SlaMet = lead.SlaMet != false && touchedAt <= deadline,
            },
        };
    }

    /// <summary>
    /// The follow-up check at the end of the window: when fewer attempts than required were made, the lead is marked,
    /// the timeline says so and one owner notice is raised (once: the notice row makes a second write conflict).
    /// </summary>
    public static LeadChange? CheckFollowUp(ISlaPolicy policy, Lead lead, int attempts, DateTimeOffset now)
    {
        if (lead.Status != LeadStatus.Contacted || lead.FollowUpMissed || lead.FirstTouchAt is not { } touchedAt
            || policy.FollowUp(lead) is not { } cadence)
        {
            return null;
        }

        var windowEnd = policy.AddBusinessTime(lead, touchedAt, cadence.Window);
        if (windowEnd > now)
        {
            return null;
        }

        if (attempts >= cadence.Attempts)
        {
            return lead.ContactAttempts == attempts ? null : new LeadChange(lead with { ContactAttempts = attempts }, []);
        }

        var entry = new TimelineEntry(now, "sla-sweep", LeadEvents.FollowUpMissed,
            $"{attempts} of {cadence.Attempts} attempts within {cadence.Window} of business time after first touch.");
        var notice = new EscalationNotice
        {
            LeadId = lead.Id,
            Level = EscalationNotice.FollowUpLevel,
            Recipient = "owner",
            RaisedAt = now,
            DeadlineAt = windowEnd,
            Cycle = lead.ReEngagedCount,
        };
        return new LeadChange(lead with { FollowUpMissed = true, ContactAttempts = attempts }, [entry]) { Notices = [notice] };
    }

    /// <summary>When the lead's follow-up window (after its first touch) ends, or null without a cadence or a first touch.</summary>
    public static DateTimeOffset? FollowUpWindowEnd(ISlaPolicy policy, Lead lead)
    {
        return lead.FirstTouchAt is { } touchedAt && policy.FollowUp(lead) is { } cadence
            ? policy.AddBusinessTime(lead, touchedAt, cadence.Window)
            : null;
    }

    internal static string FormatLate(TimeSpan late) =>
        late.TotalMinutes < 1 ? $"{Math.Max(0, (int)late.TotalSeconds)} s"
        : late.TotalHours < 1 ? $"{(int)late.TotalMinutes} min"
        : $"{(int)late.TotalHours} h {late.Minutes} min";
}
