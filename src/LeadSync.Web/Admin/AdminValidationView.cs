namespace LeadSync.Web.Admin;

/// <summary>
/// The answer of <c>PUT /api/admin/config/{resource}?validateOnly=true</c> for a valid document: nothing was stored;
/// <c>Changes</c> are the top-level fields it would change against version <c>Version</c> (0: the settings).
/// </summary>
public sealed record AdminValidationView(string Resource, int Version, IReadOnlyList<string> Changes);
