namespace LeadSync.Core.Recycle;

/// <summary>Whether the marketing tool took the lead back into nurture.</summary>
public sealed record NurtureResult(bool Accepted, string Destination, string? Error = null);
