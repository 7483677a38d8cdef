namespace LeadSync.Core.Sla;

/// <summary>The default policy: one first-touch deadline and one ladder, counted on a 24×7 clock.</summary>
public sealed class RoundTheClockSlaPolicy(IOptionsMonitor<SlaOptions> options) : ISlaPolicy
{
    public DateTimeOffset FirstTouchDeadline(Lead lead)
    {
        return lead.ReceivedAt + options.CurrentValue.FirstTouch;
    }

    public int LevelCount(Lead lead) => options.CurrentValue.EffectiveLevels.Count;

    public DateTimeOffset LevelDueAt(Lead lead, int level)
    {
        var deadline = lead.SlaDueAt ?? FirstTouchDeadline(lead);
        return deadline + options.CurrentValue.EffectiveLevels[level - 1].After;
    }

    public string Recipient(Lead lead, int level) => options.CurrentValue.EffectiveLevels[level - 1].Recipient;

    public string Action(Lead lead, int level) => EscalationActions.Normalize(options.CurrentValue.EffectiveLevels[level - 1].Action);

    public string PolicyName(Lead lead) => Policies.SlaTier.DefaultName;

    public FollowUpCadence? FollowUp(Lead lead) => null;

    public TimeSpan BusinessTimeBetween(Lead lead, DateTimeOffset from, DateTimeOffset to) => to - from;

    public DateTimeOffset AddBusinessTime(Lead lead, DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return start + duration;
    }
}
