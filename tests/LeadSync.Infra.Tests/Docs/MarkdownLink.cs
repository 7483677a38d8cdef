namespace LeadSync.Infra.Tests.Docs;

/// <summary>A link of a Markdown file (<c>[text](target)</c>), with the line it stands on.</summary>
internal sealed record MarkdownLink(int Line, string Target)
{
    /// <summary>A link with a scheme (https:, mailto:) points outside the repository and is not checked here.</summary>
    public bool IsExternal => Target.Contains(':', StringComparison.Ordinal) && Uri.TryCreate(Target, UriKind.Absolute, out _);
}
