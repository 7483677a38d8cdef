namespace LeadSync.Core.Recycle;

/// <summary>
/// What the recycle job would do with one lead now (<see cref="RecycleDryRun"/>): <see cref="Decision"/> is
/// <c>recycle</c>, <c>close</c> (past the maximum recycles), <c>nurture</c> (handed to nurture at once: not sales-ready,
/// or recycled and awaiting its hand-over) or <c>none</c>; <see cref="Why"/> says why in words.
/// </summary>
public sealed record RecycleVerdict(string Decision, string? Reason, string? Target, string Why)
{
    public const string Recycle = "recycle";
    public const string Close = "close";
    public const string Nurture = "nurture";
    public const string None = "none";
}
