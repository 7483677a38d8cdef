namespace LeadSync.Web.Endpoints;

/// <summary>The 202 body for a delivery that carried several leads (e.g. a HubSpot event batch).</summary>
public sealed record WebhookBatchAccepted(IReadOnlyList<WebhookAccepted> Leads);
