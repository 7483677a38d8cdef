namespace LeadSync.Web.Endpoints;

/// <summary>
/// <c>GET /api/health</c>: <see cref="Status"/> is <c>healthy</c>, or <c>degraded</c> while a CRM connection is, or while
/// a Key Vault reference is unresolved (the answer stays 200: LeadSync keeps accepting leads and syncs them when the CRM
/// is back).
/// </summary>
/// <param name="UnresolvedSettings">Settings left as an unresolved Key Vault reference (names only), treated as unset.</param>
public sealed record HealthReport(string Status, string Storage, IReadOnlyList<string> UnresolvedSettings)
{
    public IReadOnlyList<CrmConnectionHealth> Crm { get; init; } = [];
}
