namespace LeadSync.Infra.Tests.Docs;

/// <summary>A heading of a Markdown file: its level (1 for <c>#</c>), its text and the anchor GitHub gives it.</summary>
internal sealed record MarkdownHeading(int Level, string Text, string Anchor);
