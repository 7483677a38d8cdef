namespace LeadSync.Core.Routing;

/// <summary>A rep's routing counters: leads routed on <see cref="Day"/> (UTC) and the open leads routed to them.</summary>
public sealed record RepLedger(string PersonId, DateOnly Day, int NewOnDay, IReadOnlyList<string> OpenLeads)
{
    public static RepLedger Empty(string personId) => new(personId, DateOnly.MinValue, 0, []);

    public RepLoad LoadOn(DateOnly today) => new(OpenLeads.Count, Day == today ? NewOnDay : 0);
}
