namespace LeadSync.Web.Admin;

/// <summary>
/// The JSON answer of <c>POST /api/admin/erasure</c>: the anonymized erasure record. <c>found</c> is false when no lead
/// and no stored trace of the subject existed (nothing erased); <c>status</c> is <c>pending</c> while a CRM or nurture
/// deletion is queued for retry, else <c>completed</c>.
/// </summary>
public sealed record ErasureView(
    string Subject,
    bool Found,
    string Status,
    IReadOnlyList<string> LeadIds,
    IReadOnlyDictionary<string, int> Erased,
    IReadOnlyList<ErasureTargetView> Targets,
    string FirstRequestedBy,
    DateTimeOffset FirstRequestedAt,
    string LastRequestedBy,
    DateTimeOffset LastRequestedAt,
    int Requests);
