using System.ComponentModel.DataAnnotations;

namespace LeadSync.Core.Recycle;

/// <summary>Recycle settings (<c>LeadSync:Recycle</c>).</summary>
public sealed class RecycleOptions
{
    public const string Section = "LeadSync:Recycle";

    /// <summary>NCRONTAB (six fields) schedule of the recycle job.</summary>
    [Required]
    public string Schedule { get; set; } = "0 0 * * * *";

    /// <summary>A synced or contacted lead with no status change for this long goes back to marketing nurture.</summary>
    public TimeSpan NoProgressWindow { get; set; } = TimeSpan.FromDays(14);

    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 1000;
}
