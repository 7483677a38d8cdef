namespace LeadSync.Web.Endpoints;

/// <param name="UnresolvedSettings">Settings left as an unresolved Key Vault reference (names only), treated as unset.</param>
public sealed record HealthReport(string Status, string Storage, IReadOnlyList<string> UnresolvedSettings);
