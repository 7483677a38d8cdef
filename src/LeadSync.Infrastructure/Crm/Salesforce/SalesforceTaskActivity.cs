namespace LeadSync.Infrastructure.Crm.Salesforce;

/// <summary>What a Lead's Tasks say: how many count as contact attempts and when the first of them was created.</summary>
internal sealed record SalesforceTaskActivity(int Attempts, DateTimeOffset? FirstAt);
