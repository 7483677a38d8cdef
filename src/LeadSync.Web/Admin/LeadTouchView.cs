namespace LeadSync.Web.Admin;

/// <summary>
/// One touch on the lead: a <c>marketing</c> touch (the submission that created it and each later one — what LeadSync
/// writes to the CRM as a touch record; <see cref="InCrm"/> says whether that record was written, null when touch
/// records are off or the lead is not in the CRM) or a <c>sales</c> touch the CRM reported (contact, attempts, outcome).
/// </summary>
public sealed record LeadTouchView(DateTimeOffset At, string Kind, string? Source, string? Campaign, string Detail, bool? InCrm);
