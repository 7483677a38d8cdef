namespace LeadSync.Core.Crm;

/// <summary>
/// The body of a <c>lead-sync</c> queue message: one or more lead ids separated by spaces (a body with one id is the
/// original format). Filing hands leads to the queue in groups (one put and, once handled, one delete for the group),
/// and every id is synced on its own through <see cref="LeadSyncer"/>: a lead already synced is skipped, so handling a
/// message twice, or again after some of its leads failed, upserts none of them twice.
/// </summary>
public static class LeadSyncMessage
{
    /// <summary>Most ids one message carries (≈ 2.8 KB; a HubSpot batch).</summary>
    public const int MaxLeads = 100;

    public static string Of(IEnumerable<string> leadIds) => string.Join(' ', leadIds);

    /// <summary>The distinct lead ids of a message body, in order.</summary>
    public static IReadOnlyList<string> LeadIds(string body)
    {
        return [.. body.Split([' ', ',', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
    }
}
