namespace LeadSync.Core.Leads;

/// <summary>Where a lead stands in the marketing → sales handoff.</summary>
public enum LeadStatus
{
    Received = 0,
    Nurture = 1,
    SalesReady = 2,
    Synced = 3,
    Contacted = 4,
    Converted = 5,
    Recycled = 6,
    Disqualified = 7,
}
