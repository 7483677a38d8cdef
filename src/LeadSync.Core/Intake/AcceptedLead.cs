namespace LeadSync.Core.Intake;

/// <summary>A lead a delivery created, or found already stored (a redelivery).</summary>
public sealed record AcceptedLead(string LeadId, bool Duplicate);
