namespace LeadSync.Web.Endpoints;

/// <summary>
/// <c>GET /api/health</c>: <see cref="Status"/> is <c>healthy</c>, or <c>degraded</c> while a CRM connection is (the
/// answer stays 200: LeadSync keeps accepting leads and syncs them when the CRM is back).
/// </summary>
public sealed record HealthReport(string Status, string Storage)
{
    public IReadOnlyList<CrmConnectionHealth> Crm { get; init; } = [];
}
