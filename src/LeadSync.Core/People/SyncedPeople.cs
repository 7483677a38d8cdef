namespace LeadSync.Core.People;

/// <summary>The users a CRM sync stored, and when (null: never synced).</summary>
public sealed record SyncedPeople(IReadOnlyList<SyncedUser> Users, DateTimeOffset? SyncedAt)
{
    public static SyncedPeople None { get; } = new([], null);
}
