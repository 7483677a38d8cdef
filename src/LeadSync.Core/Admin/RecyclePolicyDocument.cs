namespace LeadSync.Core.Admin;

/// <summary>The <see cref="AdminResources.Recycle"/> document (the recycle job's schedule stays a setting).</summary>
public sealed class RecyclePolicyDocument
{
    /// <summary>A synced or contacted lead with no status change for this long goes back to marketing nurture.</summary>
    public TimeSpan NoProgressWindow { get; set; } = TimeSpan.FromDays(14);
}
