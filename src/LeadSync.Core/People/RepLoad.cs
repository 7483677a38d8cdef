namespace LeadSync.Core.People;

/// <summary>What a rep carries now: open LeadSync-routed leads and leads routed to them today (UTC).</summary>
public sealed record RepLoad(int OpenLeads, int NewToday)
{
    public static RepLoad None { get; } = new(0, 0);
}
