namespace LeadSync.Core.Sla;

/// <summary>What an escalation level does besides telling its recipient.</summary>
public static class EscalationActions
{
    public const string Notify = "notify";
    public const string Reassign = "reassign";
    public const string MarkBreached = "mark-breached";

    public static IReadOnlyList<string> All { get; } = [Notify, Reassign, MarkBreached];

    /// <summary>The configured action in canonical form; empty means <see cref="Notify"/>.</summary>
    public static string Normalize(string? action) =>
        string.IsNullOrWhiteSpace(action) ? Notify : All.FirstOrDefault(a => a.Equals(action.Trim(), StringComparison.OrdinalIgnoreCase)) ?? action.Trim();
}
