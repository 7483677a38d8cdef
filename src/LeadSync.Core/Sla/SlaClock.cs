namespace LeadSync.Core.Sla;

/// <summary>
/// The "now"-dependent SLA questions (for reports and the admin view), answered in business time on the lead's
/// calendar. The calendar math stays pure; only this class reads the clock.
/// </summary>
public sealed class SlaClock(ISlaPolicy policy, TimeProvider timeProvider)
{
    /// <summary>Business time from receipt to first touch, or to now while the lead is untouched.</summary>
    public TimeSpan BusinessTimeToFirstTouch(Lead lead)
    {
        return policy.BusinessTimeBetween(lead, lead.ReceivedAt, lead.FirstTouchAt ?? timeProvider.GetUtcNow());
    }

    /// <summary>Business time left until the first-touch deadline; negative once it has passed.</summary>
    public TimeSpan BusinessTimeLeft(Lead lead)
    {
        return policy.BusinessTimeBetween(lead, timeProvider.GetUtcNow(), Deadline(lead));
    }

    /// <summary>True when the first touch came after the deadline, or has not come and the deadline has passed.</summary>
    public bool IsBreached(Lead lead)
    {
        return (lead.FirstTouchAt ?? timeProvider.GetUtcNow()) > Deadline(lead);
    }

    private DateTimeOffset Deadline(Lead lead) => lead.SlaDueAt ?? policy.FirstTouchDeadline(lead);
}
