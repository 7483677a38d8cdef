namespace LeadSync.Core.Admin;

/// <summary>Outcome of a conditional admin write: the stored version, or a conflict with the expected version.</summary>
public sealed record AdminSaveResult(AdminConfigVersion? Saved)
{
    public static AdminSaveResult Conflict { get; } = new((AdminConfigVersion?)null);

    public bool IsConflict => Saved is null;
}
