namespace LeadSync.Core.People;

/// <summary>Lists the connected CRM's users (all pages) for the directory sync; throws <see cref="Crm.CrmReadException"/> when the CRM does not answer.</summary>
public interface ICrmUserSource
{
    /// <summary>The CRM provider name (<c>hubspot</c>, <c>salesforce</c>, <c>dynamics</c>).</summary>
    string Crm { get; }

    Task<IReadOnlyList<SyncedUser>> ListUsersAsync(CancellationToken cancellationToken);
}
