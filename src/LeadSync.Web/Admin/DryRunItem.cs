namespace LeadSync.Web.Admin;

/// <summary>A lead the candidate policy would breach (first-touch deadline) or recycle, and when.</summary>
public sealed record DryRunItem(string LeadId, string Source, string Status, string? Owner, string Policy, DateTimeOffset At, bool AlreadyPast);
