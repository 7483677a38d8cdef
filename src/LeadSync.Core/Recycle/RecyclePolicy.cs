namespace LeadSync.Core.Recycle;

/// <summary>
/// When a lead goes back to marketing nurture, and why (pure over the lead, what the CRM reports and the instant):
/// SLA missed past the last ladder level, attempts exhausted without a connect, or no progress. A cooldown spaces
/// recycles; past <see cref="RecycleOptions.MaxRecycles"/> the lead is closed instead.
/// </summary>
public sealed class RecyclePolicy(ISlaPolicy slaPolicy, IOptionsMonitor<RecycleOptions> options)
{
    private const string Actor = "recycle";

    /// <summary>How soon a lead is looked at again when its <c>sla-missed</c> time has come but its last level has not fired yet.</summary>
    public static readonly TimeSpan LadderPendingRecheck = TimeSpan.FromSeconds(30);

    /// <summary>The trigger that applies at <paramref name="now"/>, before cooldown and maximum; null when none does.</summary>
    public string? Trigger(Lead lead, CrmTouch? touch, DateTimeOffset now)
    {
        var settings = options.CurrentValue;
        if (SlaMissedAt(lead, settings) is { } missedAt && missedAt <= now && LastLevelFired(lead))
        {
            return RecycleReasons.SlaMissed;
        }

        if (AttemptsExhausted(lead, touch, now, settings))
        {
            return RecycleReasons.AttemptsExhausted;
        }

        return lead.Status is LeadStatus.Synced or LeadStatus.Contacted && lead.StatusChangedAt + settings.NoProgressWindow <= now
            ? RecycleReasons.NoProgress
            : null;
    }

    /// <summary>
    /// The recycle (or, past the maximum, the close) a trigger calls for now; null when no trigger applies or the
    /// cooldown since the last recycle has not ended.
    /// </summary>
    public LeadChange? Decide(Lead lead, CrmTouch? touch, DateTimeOffset now)
    {
        var settings = options.CurrentValue;
        if (Trigger(lead, touch, now) is not { } reason)
        {
            return null;
        }

        if (lead.RecycleCount >= settings.MaxRecycles)
        {
            return Exhaust(lead, now, reason, settings);
        }

        if (CooldownEndsAt(lead, settings) is { } cooldownEnd && cooldownEnd > now)
        {
            return null;
        }

        var count = lead.RecycleCount + 1;
        var change = LeadLifecycle.Transition(lead, LeadStatus.Recycled, now, Actor,
            $"Reason {reason}: {Explain(reason, lead, touch, settings)}; back to marketing nurture (recycle {count} of {settings.MaxRecycles}).");
        return change with
        {
            Lead = change.Lead with { RecycleCount = count, RecycleReason = reason, LastRecycledAt = now, NurturePushedAt = null },
        };
    }

    /// <summary>
    /// A lead the CRM recycled once too often (its count passed the maximum) is closed instead of being handed to
    /// nurture; null for any other lead.
    /// </summary>
    public LeadChange? CloseIfExhausted(Lead lead, DateTimeOffset now)
    {
        var settings = options.CurrentValue;
        return lead.Status == LeadStatus.Recycled && lead.NurturePushedAt is null && lead.RecycleCount > settings.MaxRecycles
            ? Exhaust(lead, now, lead.RecycleReason ?? RecycleReasons.CrmNurtureStatus, settings)
            : null;
    }

    /// <summary>When the recycle job should look at the lead next; null when no trigger can apply any more.</summary>
    public DateTimeOffset? NextCheckAt(Lead lead, DateTimeOffset now)
    {
        if (lead.Status is not (LeadStatus.Synced or LeadStatus.Contacted))
        {
            return null;
        }

        var settings = options.CurrentValue;
        var next = lead.StatusChangedAt + settings.NoProgressWindow;
        if (SlaMissedAt(lead, settings) is { } missedAt && missedAt < next)
        {
            // A late sweep has not fired the last level yet: look again shortly rather than recycle past it.
            var check = missedAt > now || LastLevelFired(lead) ? missedAt : now + LadderPendingRecheck;
            next = check < next ? check : next;
        }

        if (lead.Status == LeadStatus.Contacted && settings.MaxAttempts > 0 && AttemptsWindowEnd(lead, settings) is var windowEnd && now < windowEnd)
        {
            var poll = now + settings.AttemptsCheckInterval < windowEnd ? now + settings.AttemptsCheckInterval : windowEnd;
            next = poll < next ? poll : next;
        }

        if (lead.RecycleCount < settings.MaxRecycles && CooldownEndsAt(lead, settings) is { } cooldownEnd && cooldownEnd > next)
        {
            next = cooldownEnd;
        }

        return next;
    }

    private DateTimeOffset? SlaMissedAt(Lead lead, RecycleOptions settings)
    {
        if (lead.Status != LeadStatus.Synced || lead.FirstTouchAt is not null || settings.AfterLastLevel is not { } after)
        {
            return null;
        }

        var levels = slaPolicy.LevelCount(lead);
        var lastLevelAt = levels > 0 ? slaPolicy.LevelDueAt(lead, levels) : lead.SlaDueAt ?? slaPolicy.FirstTouchDeadline(lead);
        return lastLevelAt + after;
    }

    /// <summary>
    /// <c>sla-missed</c> counts from the last level, so that level must have fired: otherwise a sweep running late would
    /// let the recycle job take the lead back before the last recipients were ever told.
    /// </summary>
    private bool LastLevelFired(Lead lead) => lead.EscalationLevel >= slaPolicy.LevelCount(lead);

    private static bool AttemptsExhausted(Lead lead, CrmTouch? touch, DateTimeOffset now, RecycleOptions settings) =>
        lead.Status == LeadStatus.Contacted && settings.MaxAttempts > 0 && touch is not null &&
        touch.State is CrmLeadState.Contacted or CrmLeadState.Untouched &&
        touch.Attempts >= settings.MaxAttempts && now <= AttemptsWindowEnd(lead, settings);

    private static DateTimeOffset AttemptsWindowEnd(Lead lead, RecycleOptions settings) =>
        (lead.FirstTouchAt ?? lead.StatusChangedAt) + settings.AttemptsWindow;

    private static DateTimeOffset? CooldownEndsAt(Lead lead, RecycleOptions settings) =>
        lead.LastRecycledAt is { } last ? last + settings.Cooldown : null;

    private static LeadChange Exhaust(Lead lead, DateTimeOffset now, string reason, RecycleOptions settings)
    {
        var change = LeadLifecycle.Transition(lead, LeadStatus.Disqualified, now, Actor,
            $"Closed as {RecycleReasons.Exhausted}: {reason} after {lead.RecycleCount} recycles (maximum {settings.MaxRecycles}).");
        return change with { Lead = change.Lead with { CloseReason = RecycleReasons.Exhausted } };
    }

    private static string Explain(string reason, Lead lead, CrmTouch? touch, RecycleOptions settings) => reason switch
    {
        RecycleReasons.SlaMissed => $"never touched, {settings.AfterLastLevel} after the last escalation level",
        RecycleReasons.AttemptsExhausted => $"{touch?.Attempts} attempts without a connect within {settings.AttemptsWindow} of the first touch",
        _ => $"no progress since {lead.StatusChangedAt:u} ({settings.NoProgressWindow} window)",
    };
}
