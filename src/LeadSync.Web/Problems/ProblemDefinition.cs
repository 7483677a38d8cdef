namespace LeadSync.Web.Problems;

/// <summary>One row of <see cref="ProblemCatalog"/>: a problem <c>type</c> URI with its one HTTP status and its one title.</summary>
public sealed record ProblemDefinition(string Type, int Status, string Title);
