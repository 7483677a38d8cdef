using System.Reflection;
using LeadSync.Testing;

namespace LeadSync.Architecture.Tests;

/// <summary>
/// The two hosts as built, read from their output folders in this test assembly's configuration and target framework.
/// eng/test builds both before any test runs; run alone, build them first (<c>dotnet build src/LeadSync.Host</c>,
/// <c>dotnet build src/LeadSync.Functions</c>).
/// </summary>
internal static class HostAssemblies
{
    public static string PortableHost => Built("LeadSync.Host");

    public static string FunctionsApp => Built("LeadSync.Functions");

    private static string Built(string project)
    {
        var configuration = typeof(HostAssemblies).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var path = Path.Combine(RepoPaths.Root, "src", project, "bin", configuration, new DirectoryInfo(AppContext.BaseDirectory).Name, project + ".dll");
        Assert.True(File.Exists(path), $"{path} is missing: build it first (dotnet build src/{project} -c {configuration}).");
        var newestSource = new DirectoryInfo(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(path))))!)
            .EnumerateFiles("*.cs", SearchOption.AllDirectories)
            .Where(f => !f.FullName.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.FullName.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Max(f => f.LastWriteTimeUtc);
        Assert.True(File.GetLastWriteTimeUtc(path) >= newestSource, $"{path} is older than the project's source: build src/{project} again.");
        return path;
    }
}
