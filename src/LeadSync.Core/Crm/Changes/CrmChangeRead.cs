namespace LeadSync.Core.Crm.Changes;

/// <summary>What a <see cref="ICrmChangeSource"/> read from a request: the changes, or why the request was refused.</summary>
public sealed record CrmChangeRead(IReadOnlyList<CrmChange> Changes, Rejection? Rejection = null)
{
    public static CrmChangeRead Refused(RejectionKind kind, string detail) => new([], new Rejection(kind, detail));
}
