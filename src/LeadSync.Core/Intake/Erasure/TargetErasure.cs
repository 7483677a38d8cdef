namespace LeadSync.Core.Intake.Erasure;

/// <summary>The answer of one target to one deletion call.</summary>
public sealed record TargetErasure(string Target, ErasureStatus Status, string? Detail = null)
{
    public static TargetErasure Erased(string target) => new(target, ErasureStatus.Erased);

    public static TargetErasure NotFound(string target) => new(target, ErasureStatus.NotFound, "No record for this subject.");

    public static TargetErasure Unsupported(string target, string detail) => new(target, ErasureStatus.Unsupported, detail);

    /// <summary>Transient failures (timeouts, 5xx, 429) are retried; anything else is final.</summary>
    public static TargetErasure Failure(string target, bool transient, string detail) =>
        new(target, transient ? ErasureStatus.Pending : ErasureStatus.Failed, detail);
}
