namespace LeadSync.Web.Endpoints;

/// <summary>The 200/202 body of a native CRM change request: how each change ended (202 when a lead was unknown).</summary>
public sealed record CrmChangesHandled(IReadOnlyList<CrmChangeView> Changes);
