namespace LeadSync.Core.Sla;

/// <summary>One rung of the escalation ladder: how long after the deadline it fires and whom it tells.</summary>
public sealed class EscalationLevelOptions
{
    /// <summary>Offset after the first-touch deadline (the first level is usually 0).</summary>
    public TimeSpan After { get; set; }

    /// <summary><c>owner</c>, <c>manager</c> or <c>team</c>.</summary>
    public string Recipient { get; set; } = "owner";

    /// <summary><c>notify</c> (the default when empty), <c>reassign</c> or <c>mark-breached</c>; see <see cref="EscalationActions"/>.</summary>
    public string? Action { get; set; }
}
