namespace LeadSync.Web.Admin;

/// <summary>
/// The answer of <c>GET /api/admin/config/{resource}?sources=true</c>: the effective document (the same body as the
/// plain GET), its version (0: never edited) and where each value comes from (see <see cref="AdminValueSources"/>).
/// </summary>
public sealed record AdminEffectiveView(string Resource, int Version, JsonNode? Document, IReadOnlyDictionary<string, string> Sources);
