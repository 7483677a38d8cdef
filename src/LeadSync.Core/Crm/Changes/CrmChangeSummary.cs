namespace LeadSync.Core.Crm.Changes;

/// <summary>The outcome of one native CRM request: how each of its changes ended, in request order.</summary>
public sealed record CrmChangeSummary(IReadOnlyList<CrmChangeResult> Results)
{
    public int Count(CrmChangeOutcome outcome) => Results.Count(r => r.Outcome == outcome);

    public bool HasUnknownLeads => Results.Any(r => r.Outcome == CrmChangeOutcome.UnknownLead);
}
