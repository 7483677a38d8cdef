namespace LeadSync.Core.Storage;

/// <summary>One delivery from an address: the id derived from it, and the lead it was filed under (the same id unless it re-entered an older lead).</summary>
public sealed record LeadEmailEntry(string DeliveryLeadId, string LeadId);
