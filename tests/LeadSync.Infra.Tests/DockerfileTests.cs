using System.Xml.Linq;
using LeadSync.Infra.Tests.Support;

namespace LeadSync.Infra.Tests;

/// <summary>The Dockerfile cannot be built here (no container engine), so these check what can go stale without one.</summary>
public sealed class DockerfileTests
{
    private static readonly string Dockerfile = File.ReadAllText(RepositoryRoot.Combine("src", "LeadSync.Host", "Dockerfile"));

    [Fact]
    public void Restore_layer_copies_every_project_the_host_depends_on()
    {
        var projects = ProjectClosure(RepositoryRoot.Combine("src", "LeadSync.Host", "LeadSync.Host.csproj"));

        Assert.All(projects, project =>
        {
            var relative = Path.GetRelativePath(RepositoryRoot.Path, project).Replace('\\', '/');
            Assert.Contains($"COPY {relative} ", Dockerfile, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Image_runs_the_host_as_non_root_on_port_8080()
    {
        Assert.Contains("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("USER $APP_UID", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("EXPOSE 8080", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"LeadSync.Host.dll\"]", Dockerfile, StringComparison.Ordinal);
    }

    private static HashSet<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            foreach (var reference in XDocument.Load(current).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar);
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, include)));
            }
        }

        return seen;
    }
}
