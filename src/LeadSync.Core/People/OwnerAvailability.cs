namespace LeadSync.Core.People;

/// <summary>Whether a lead's owner (a CRM owner id, e-mail or name) is at work, from the people directory.</summary>
public sealed class OwnerAvailability(PeopleDirectorySource people)
{
    /// <summary>Why the owner is not at work at <paramref name="at"/>; null when they are, or the directory does not know them.</summary>
    public string? Absence(string? owner, DateTimeOffset at) =>
        people.Current.Find(owner) is { } person ? Availability.Absence(person, at) : null;

    /// <summary>Reads the directory now (before a sweep), so <see cref="Absence"/> never waits on storage.</summary>
    public Task WarmAsync(CancellationToken cancellationToken) => people.GetAsync(cancellationToken);
}
