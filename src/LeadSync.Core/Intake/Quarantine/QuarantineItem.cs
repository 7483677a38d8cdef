namespace LeadSync.Core.Intake.Quarantine;

/// <summary>
/// An authenticated delivery that could not become a lead (e.g. no e-mail and no phone, an unmappable field), kept
/// with its reason so an admin can fix the mapping and replay it. Nothing authenticated is thrown away.
/// </summary>
public sealed record QuarantineItem
{
    public required string Id { get; init; }
    public required string Source { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required string Reason { get; init; }
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();
    public string? ContentType { get; init; }
    public required Uri RequestUri { get; init; }
    public required byte[] Body { get; init; }

    /// <summary>The delivery's headers (they carry vendor delivery keys some sources dedupe on).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public DateTimeOffset? ReplayedAt { get; init; }
    public IReadOnlyList<string> LeadIds { get; init; } = [];
    public string? ETag { get; init; }
}
