namespace LeadSync.Web.Endpoints;

/// <summary>The 200 body of a CRM callback.</summary>
public sealed record CrmEventApplied(string LeadId, string Status, bool AlreadyApplied);
