namespace LeadSync.Core.Sla.Policies;

/// <summary>A resolved policy: which leads it takes, and its first-touch time, calendar, cadence and ladder.</summary>
public sealed record SlaTier(
    string Name,
    SlaTierMatch Match,
    TimeSpan FirstTouch,
    IBusinessCalendar Calendar,
    FollowUpCadence? FollowUp,
    IReadOnlyList<EscalationLevel> Levels,
    Cadence.CadencePolicy? Cadence = null)
{
    /// <summary>The name of the tier that applies when no policy is configured or none matches.</summary>
    public const string DefaultName = "default";
}
