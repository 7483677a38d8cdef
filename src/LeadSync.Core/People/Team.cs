namespace LeadSync.Core.People;

/// <summary>One team of the effective directory; <see cref="Members"/> are person ids in ordinal order.</summary>
public sealed record Team(string Id, string Name, IReadOnlyList<string> Members, string? ManagerId);
