namespace LeadSync.Core.Crm.Changes;

/// <summary>
/// A CRM's native change notifications: authenticates the request the vendor's way and turns its payload into
/// <see cref="CrmChange"/>s, resolving CRM record ids to what finds the lead (id carried, or e-mail).
/// </summary>
public interface ICrmChangeSource
{
    /// <summary><c>hubspot</c>, <c>salesforce</c> or <c>dynamics</c>: the CRM provider it belongs to.</summary>
    string Provider { get; }

    /// <summary>False until its secret is configured; the route then answers 404.</summary>
    bool IsEnabled { get; }

    /// <param name="webhook">The request as received (raw body, headers, query).</param>
    /// <param name="routeSecret">The secret path segment, for sources that are authenticated by one (Salesforce).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<CrmChangeRead> ReadAsync(InboundWebhook webhook, string? routeSecret, CancellationToken cancellationToken);
}
