namespace LeadSync.Core.Sla.Policies;

/// <summary>One follow-up cadence checkpoint (<c>LeadSync:Sla:Policies:{i}:Cadence:{j}</c>).</summary>
public sealed class CadenceCheckpointOptions
{
    /// <summary>At least this many attempts in total by <see cref="By"/>.</summary>
    public int Attempts { get; set; }

    /// <summary>Business time on the policy's calendar after the handoff (the sync to the CRM), e.g. <c>01:00:00</c>.</summary>
    public TimeSpan By { get; set; }
}
