namespace LeadSync.Infrastructure.Crm.Changes;

/// <summary>How the Dataverse service endpoint authenticates (its <c>authtype</c>: 4 = WebhookKey, 5 = HttpHeader).</summary>
public enum DynamicsWebhookAuth
{
    WebhookKey,
    HttpHeader,
}
