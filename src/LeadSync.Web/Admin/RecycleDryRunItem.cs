namespace LeadSync.Web.Admin;

/// <summary>One judged lead of the recycle dry run: the decision, the reason and target when there is one, and why.</summary>
public sealed record RecycleDryRunItem(
    string LeadId, string Source, DateTimeOffset ReceivedAt, string Status, string Decision, string? Reason, string? Target, string Why);
