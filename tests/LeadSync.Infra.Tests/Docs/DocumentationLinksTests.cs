using LeadSync.Infra.Tests.Support;

namespace LeadSync.Infra.Tests.Docs;

/// <summary>The README is navigable: a table of contents over every section, and no relative link or #anchor that leads nowhere.</summary>
public sealed class DocumentationLinksTests
{
    private const string TableOfContents = "Table of contents";

    public static TheoryData<string> Documents()
    {
        var documents = new TheoryData<string> { "README.md" };
        var docs = RepositoryRoot.Combine("docs");
        if (Directory.Exists(docs))
        {
            foreach (var file in Directory.EnumerateFiles(docs, "*.md").Order(StringComparer.Ordinal))
            {
                documents.Add("docs/" + Path.GetFileName(file));
            }
        }

        return documents;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_and_anchor_resolves(string document)
    {
        var source = MarkdownDocument.Read(RepositoryRoot.Combine(document.Split('/')));
        var dead = new List<string>();
        foreach (var link in source.Links.Where(l => !l.IsExternal))
        {
            var hash = link.Target.IndexOf('#', StringComparison.Ordinal);
            var file = hash < 0 ? link.Target : link.Target[..hash];
            var anchor = hash < 0 ? null : Uri.UnescapeDataString(link.Target[(hash + 1)..]);
            var target = file.Length == 0 ? source.Path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source.Path)!, Uri.UnescapeDataString(file)));
            if (!File.Exists(target) && !Directory.Exists(target))
            {
                dead.Add($"{document}:{link.Line} {link.Target} (no such file)");
            }
            else if (anchor is not null && target.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                && !MarkdownDocument.Read(target).Headings.Any(h => h.Anchor == anchor))
            {
                dead.Add($"{document}:{link.Line} {link.Target} (no heading has that anchor)");
            }
        }

        Assert.True(dead.Count == 0, "Dead links:\n" + string.Join('\n', dead));
    }

    [Fact]
    public void Readme_has_a_table_of_contents_linking_every_section()
    {
        var readme = MarkdownDocument.Read(RepositoryRoot.Combine("README.md"));
        var toc = readme.Headings.FirstOrDefault(h => h is { Level: 2, Text: TableOfContents });
        Assert.True(toc is not null, $"README.md has no '## {TableOfContents}'.");
        var lines = File.ReadAllLines(readme.Path);
        var start = Array.FindIndex(lines, l => l == "## " + TableOfContents);
        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        var listed = lines[start..end].SelectMany(l => MarkdownDocumentLinks(l)).ToHashSet(StringComparer.Ordinal);

        var missing = readme.Headings.Where(h => h.Level == 2 && h != toc && !listed.Contains("#" + h.Anchor)).Select(h => h.Text).ToList();
        Assert.True(missing.Count == 0, $"The table of contents does not link these sections: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Readme_opens_with_the_two_commands()
    {
        var lines = File.ReadAllLines(RepositoryRoot.Combine("README.md"));
        var firstSection = Array.FindIndex(lines, l => l.StartsWith("## ", StringComparison.Ordinal));
        Assert.Equal("## Two commands", lines[firstSection]);
        var block = lines.Skip(firstSection).SkipWhile(l => l != "```bash").Skip(1).TakeWhile(l => l != "```").ToList();
        Assert.Equal(["./eng/run", "./eng/test"], block.Select(l => l.Split('#')[0].Trim()));
    }

    [Theory]
    [InlineData("Two commands", "two-commands")]
    [InlineData("generic — Standard Webhooks", "generic--standard-webhooks")]
    [InlineData("Deploying LeadSync to Azure (azd + Bicep)", "deploying-leadsync-to-azure-azd--bicep")]
    [InlineData("The lead answer (`GET /api/leads/{id}`)", "the-lead-answer-get-apileadsid")]
    [InlineData("Degrade, don't halt", "degrade-dont-halt")]
    public void Anchors_follow_the_GitHub_slug_rules(string heading, string anchor) =>
        Assert.Equal(anchor, MarkdownDocument.Slug(heading));

    private static IEnumerable<string> MarkdownDocumentLinks(string line)
    {
        var open = line.IndexOf("](", StringComparison.Ordinal);
        var close = open < 0 ? -1 : line.IndexOf(')', open);
        return open < 0 || close < 0 ? [] : [line[(open + 2)..close]];
    }
}
