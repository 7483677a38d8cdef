namespace LeadSync.Core.Crm;

/// <summary>
/// A lead's sales attempts as the CRM's activities show them: the instants of the ones that carry a time, and how
/// many more it counted without one (a count property); those count as made when they were read.
/// </summary>
public sealed record CrmAttempts(string LeadId, IReadOnlyList<DateTimeOffset> At, int Untimed = 0);
