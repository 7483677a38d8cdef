namespace LeadSync.Infrastructure.Crm.Reassign;

/// <summary>The owner a reassignment hands the lead to, and whether it is the pool's queue (team) or one of its owners.</summary>
internal sealed record ReassignChoice(string OwnerId, bool IsQueue);
