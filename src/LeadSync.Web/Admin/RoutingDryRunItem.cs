namespace LeadSync.Web.Admin;

/// <summary>One lead of the routing dry run: what routing would decide for it now, and why.</summary>
public sealed record RoutingDryRunItem(
    string LeadId, string Source, DateTimeOffset ReceivedAt, string Status, string? CurrentOwner, string Outcome, string? Owner, string? Person,
    string? Team, string? Policy, string Explanation);
