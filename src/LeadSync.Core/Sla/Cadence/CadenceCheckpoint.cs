namespace LeadSync.Core.Sla.Cadence;

/// <summary>At least <paramref name="Attempts"/> attempts in total within <paramref name="By"/> of business time after the handoff.</summary>
public sealed record CadenceCheckpoint(int Attempts, TimeSpan By);
