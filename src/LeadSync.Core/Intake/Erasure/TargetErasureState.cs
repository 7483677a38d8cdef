namespace LeadSync.Core.Intake.Erasure;

/// <summary>One target's deletion of one lead, as the erasure record keeps it (visible in the answer and the audit).</summary>
public sealed record TargetErasureState
{
    public required string Target { get; init; }
    public required string LeadId { get; init; }
    public required ErasureStatus Status { get; init; }
    public string? Detail { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public bool IsFinal => Status != ErasureStatus.Pending;
}
