namespace LeadSync.Core.Crm;

/// <summary>The result of one CRM operation for one lead.</summary>
public sealed record CrmOutcome(CrmOutcomeKind Kind, string? Reason = null, TimeSpan? RetryAfter = null)
{
    public static readonly CrmOutcome Success = new(CrmOutcomeKind.Succeeded);

    public bool Succeeded => Kind == CrmOutcomeKind.Succeeded;
}
