namespace LeadSync.Web.Endpoints;

/// <summary>The 202 body for a delivery that carried one lead.</summary>
public sealed record WebhookAccepted(string LeadId, bool Duplicate);
