namespace LeadSync.Web.Endpoints;

/// <summary>
/// The 202 body for a delivery that carried one lead: the id it is filed under (moments later, off the request path;
/// a submission that re-enters an earlier lead of the same address is filed there instead, as that lead's timeline shows).
/// </summary>
public sealed record WebhookAccepted(string LeadId);
