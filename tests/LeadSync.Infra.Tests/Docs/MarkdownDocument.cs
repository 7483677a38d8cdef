using System.Text;
using System.Text.RegularExpressions;

namespace LeadSync.Infra.Tests.Docs;

/// <summary>
/// A Markdown file as GitHub renders its navigation: the headings outside code fences with their anchors (GitHub's slug
/// rules: lower-case, punctuation removed, each space a hyphen, a repeated slug suffixed -1, -2, …) and the links.
/// </summary>
internal sealed partial class MarkdownDocument
{
    private MarkdownDocument(string path, IReadOnlyList<MarkdownHeading> headings, IReadOnlyList<MarkdownLink> links)
    {
        Path = path;
        Headings = headings;
        Links = links;
    }

    public string Path { get; }

    public IReadOnlyList<MarkdownHeading> Headings { get; }

    public IReadOnlyList<MarkdownLink> Links { get; }

    public static MarkdownDocument Read(string path)
    {
        var headings = new List<MarkdownHeading>();
        var links = new List<MarkdownLink>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var inFence = false;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (Fence().IsMatch(line))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            if (Heading().Match(line) is { Success: true } heading)
            {
                var slug = Slug(heading.Groups["text"].Value);
                var count = seen.GetValueOrDefault(slug);
                seen[slug] = count + 1;
                headings.Add(new MarkdownHeading(heading.Groups["level"].Length, heading.Groups["text"].Value, count == 0 ? slug : $"{slug}-{count}"));
            }

            foreach (Match link in Link().Matches(InlineCode().Replace(line, string.Empty)))
            {
                links.Add(new MarkdownLink(lineNumber, link.Groups["target"].Value));
            }
        }

        return new MarkdownDocument(path, headings, links);
    }

    /// <summary>GitHub's anchor for a heading: link markup and code ticks dropped, lower-cased, punctuation removed, spaces to '-'.</summary>
    public static string Slug(string heading)
    {
        var text = LinkText().Replace(heading, "${text}").Replace("`", string.Empty, StringComparison.Ordinal).Trim().ToLowerInvariant();
        var slug = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch) || ch is '-' or '_')
            {
                slug.Append(ch);
            }
            else if (ch == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    [GeneratedRegex(@"^\s*(```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^(?<level>#{1,6})\s+(?<text>.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkText();

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex InlineCode();
}
