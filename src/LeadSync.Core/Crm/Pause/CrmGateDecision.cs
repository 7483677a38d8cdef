namespace LeadSync.Core.Crm.Pause;

/// <summary>
/// What <see cref="CrmPauseGate.EnterAsync"/> allows: call the CRM, make the one probe call that ends a pause, or wait
/// until <see cref="WaitUntil"/> without calling.
/// </summary>
public sealed record CrmGateDecision(bool MayCall, bool IsProbe, DateTimeOffset? WaitUntil, string? Reason)
{
    public static readonly CrmGateDecision Open = new(true, false, null, null);

    public static readonly CrmGateDecision Probe = new(true, true, null, null);

    public static CrmGateDecision Wait(DateTimeOffset until, string? reason) => new(false, false, until, reason);
}
