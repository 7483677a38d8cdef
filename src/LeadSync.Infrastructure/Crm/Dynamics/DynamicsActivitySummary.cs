namespace LeadSync.Infrastructure.Crm.Dynamics;

/// <summary>A lead's completed activities: how many count as attempts and when the first ended.</summary>
internal sealed record DynamicsActivitySummary(int Attempts, DateTimeOffset? FirstAt);
