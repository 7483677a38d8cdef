namespace LeadSync.Core.Sla.Policies;

/// <summary>Follow-up cadence settings (<c>LeadSync:Sla:Policies:{i}:FollowUp</c>).</summary>
public sealed class FollowUpOptions
{
    /// <summary>Minimum attempts within <see cref="Window"/>; 0 means the policy sets no cadence.</summary>
    public int Attempts { get; set; }

    /// <summary>Business time on the policy's calendar, counted from first touch.</summary>
    public TimeSpan Window { get; set; }
}
