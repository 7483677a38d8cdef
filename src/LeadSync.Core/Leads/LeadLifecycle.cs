namespace LeadSync.Core.Leads;

/// <summary>
/// The lifecycle rules: Received → (Nurture | SalesReady) → Synced → Contacted → Converted | Recycled | Disqualified.
/// A recycled or nurtured lead that engages again re-enters at SalesReady.
/// </summary>
public static class LeadLifecycle
{
    private static readonly Dictionary<LeadStatus, LeadStatus[]> Allowed = new()
    {
        [LeadStatus.Received] = [LeadStatus.Nurture, LeadStatus.SalesReady, LeadStatus.Disqualified],
        [LeadStatus.Nurture] = [LeadStatus.SalesReady, LeadStatus.Disqualified],
        [LeadStatus.SalesReady] = [LeadStatus.Synced, LeadStatus.Disqualified],
        [LeadStatus.Synced] = [LeadStatus.Contacted, LeadStatus.Converted, LeadStatus.Recycled, LeadStatus.Disqualified],
        [LeadStatus.Contacted] = [LeadStatus.Converted, LeadStatus.Recycled, LeadStatus.Disqualified],
        [LeadStatus.Recycled] = [LeadStatus.SalesReady, LeadStatus.Disqualified],
        [LeadStatus.Converted] = [],
        [LeadStatus.Disqualified] = [],
    };

    public static bool IsAllowed(LeadStatus from, LeadStatus to) =>
        Allowed.TryGetValue(from, out var targets) && Array.IndexOf(targets, to) >= 0;

    /// <summary>Moves the lead to <paramref name="to"/>, or throws when the move is illegal.</summary>
    public static LeadChange Transition(Lead lead, LeadStatus to, DateTimeOffset at, string actor, string detail)
    {
        if (!IsAllowed(lead.Status, to))
        {
            throw new IllegalLeadTransitionException(lead.Status, to);
        }

        var next = lead with { Status = to, StatusChangedAt = at };
        var entry = new TimelineEntry(at, actor, EventFor(to), detail);
        return new LeadChange(next, [entry]);
    }

    /// <summary>The timeline event code written for a move into <paramref name="status"/>.</summary>
    public static string EventFor(LeadStatus status) => status switch
    {
        LeadStatus.Received => LeadEvents.Received,
        LeadStatus.Nurture => LeadEvents.RoutedToNurture,
        LeadStatus.SalesReady => LeadEvents.SalesReady,
        LeadStatus.Synced => LeadEvents.Synced,
        LeadStatus.Contacted => LeadEvents.Contacted,
        LeadStatus.Converted => LeadEvents.Converted,
        LeadStatus.Recycled => LeadEvents.Recycled,
        LeadStatus.Disqualified => LeadEvents.Disqualified,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown lead status."),
    };
}
