namespace LeadSync.Core.Admin.Audit;

/// <summary>The stages of an <see cref="AuditEntry"/>.</summary>
public static class AuditStatus
{
    /// <summary>Recorded before the action ran; stays so only if the action's outcome could not be written (see README "Audit log").</summary>
    public const string Started = "started";

    public const string Completed = "completed";

    /// <summary>The action threw (the caller got a 5xx): it may have done part of its work.</summary>
    public const string Failed = "failed";
}
