namespace LeadSync.Core.Crm.Changes;

/// <summary>How one change ended, and the lead it reached (null when none was found).</summary>
public sealed record CrmChangeResult(string EventKey, CrmChangeKind Kind, CrmChangeOutcome Outcome, string? LeadId, string Detail);
