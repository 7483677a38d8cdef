namespace LeadSync.Core.Sla.Cadence;

/// <summary>
/// A tier's follow-up cadence: checkpoints in order of <see cref="CadenceCheckpoint.By"/> (validated: strictly later,
/// attempts never fewer), so the decided checkpoints of a lead are always a prefix of the list.
/// </summary>
public sealed record CadencePolicy(IReadOnlyList<CadenceCheckpoint> Checkpoints)
{
    /// <summary>Most checkpoints one cadence may have (each missed one raises its own notice).</summary>
    public const int MaxCheckpoints = 20;
}
