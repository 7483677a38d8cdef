namespace LeadSync.Core.Sla.Policies;

/// <summary>One tiered SLA policy (<c>LeadSync:Sla:Policies:{i}</c>).</summary>
public sealed class SlaPolicyOptions
{
    /// <summary>Unique name, shown in timelines and reports (e.g. <c>hot</c>).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Which leads the policy applies to; an empty match applies to every lead.</summary>
    public SlaPolicyMatchOptions Match { get; } = new();

    /// <summary>Business time on <see cref="Calendar"/> from receipt to first touch; empty means <c>LeadSync:Sla:FirstTouch</c>.</summary>
    public TimeSpan? FirstTouch { get; set; }

    /// <summary>Name of a calendar under <c>LeadSync:Sla:Calendars</c>; empty means 24×7.</summary>
    public string? Calendar { get; set; }

    /// <summary>Minimum follow-up cadence after first touch; <c>Attempts</c> 0 (the default) means none.</summary>
    public FollowUpOptions FollowUp { get; } = new();

    /// <summary>
    /// The follow-up cadence after the handoff: checkpoints of "at least N attempts by this much business time" (e.g.
    /// 1 by 01:00:00, 3 by 2.00:00:00, 6 by 10.00:00:00). Supersedes <see cref="FollowUp"/>: a policy sets one or the other.
    /// </summary>
    public IList<CadenceCheckpointOptions> Cadence { get; } = [];

    /// <summary>The escalation ladder, offsets in business time after the deadline; empty means <c>LeadSync:Sla:Levels</c>.</summary>
    public IList<EscalationLevelOptions> Levels { get; } = [];
}
