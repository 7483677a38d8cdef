namespace LeadSync.Core.Storage;

public enum LeadUpdateStatus
{
    Updated,

    /// <summary>Someone else changed the lead first; reload and decide again.</summary>
    Conflict,
    NotFound,
}
