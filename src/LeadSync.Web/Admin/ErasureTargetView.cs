namespace LeadSync.Web.Admin;

/// <summary>One CRM or nurture deletion in an erasure answer: <c>erased</c>, <c>not-found</c>, <c>unsupported</c>, <c>pending</c> or <c>failed</c>.</summary>
public sealed record ErasureTargetView(string Target, string LeadId, string Status, string? Detail, int Attempts, DateTimeOffset UpdatedAt);
