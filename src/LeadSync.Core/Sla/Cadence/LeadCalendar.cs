namespace LeadSync.Core.Sla.Cadence;

/// <summary>The calendar of the lead's tier, seen through the policy (which picks the tier per lead).</summary>
internal sealed class LeadCalendar(ISlaPolicy policy, Lead lead) : IBusinessCalendar
{
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration) => policy.AddBusinessTime(lead, start, duration);

    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to) => policy.BusinessTimeBetween(lead, from, to);
}
