namespace LeadSync.Core.Storage;

/// <summary>Outcome of storing a new lead: created, or a lead with that id already existed.</summary>
public sealed record LeadCreateResult(Lead Lead, bool AlreadyExisted);
