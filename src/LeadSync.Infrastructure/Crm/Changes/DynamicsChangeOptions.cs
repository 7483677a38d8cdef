namespace LeadSync.Infrastructure.Crm.Changes;

/// <summary>Dataverse webhook service endpoint (<c>LeadSync:Crm:Changes:Dynamics</c>).</summary>
public sealed class DynamicsChangeOptions
{
    /// <summary><c>WebhookKey</c> (Dataverse adds <c>?code=&lt;key&gt;</c>) or <c>HttpHeader</c> (a header you name).</summary>
    public DynamicsWebhookAuth Auth { get; set; } = DynamicsWebhookAuth.WebhookKey;

    /// <summary>The key registered on the service endpoint (≥ 32 characters). Empty: the route answers 404.</summary>
    public string Key { get; set; } = "";

    /// <summary>With <c>HttpHeader</c> auth: the header name registered on the service endpoint.</summary>
    public string HeaderName { get; set; } = "X-LeadSync-Key";

    /// <summary>Open-lead statuscode values that mean nothing for the handoff (default 1 = New).</summary>
    public IList<int> IgnoredStatusCodes { get; set; } = [];

    internal static readonly int[] DefaultIgnoredStatusCodes = [1];
}
