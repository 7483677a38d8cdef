namespace LeadSync.Web.Admin;

/// <summary>A stored lead the candidate sales-ready definition would judge differently from the one in effect.</summary>
public sealed record QualificationDryRunItem(
    string LeadId, string Source, DateTimeOffset ReceivedAt, string Now, string NowReason, string Candidate, string CandidateReason);
