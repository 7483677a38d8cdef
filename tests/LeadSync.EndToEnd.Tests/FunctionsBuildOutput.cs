using System.Reflection;
using System.Text.Json.Nodes;
using LeadSync.Testing;

namespace LeadSync.EndToEnd.Tests;

/// <summary>
/// The Functions app's build output, in this test assembly's configuration and target framework. eng/test builds the
/// app before any test runs; run alone, build it first (<c>dotnet build src/LeadSync.Functions</c>). The tests read
/// files only: no test project references the app.
/// </summary>
public static class FunctionsBuildOutput
{
    public static string ProjectDirectory { get; } = Path.Combine(RepoPaths.Root, "src", "LeadSync.Functions");

    public static string OutputDirectory { get; } = Path.Combine(
        ProjectDirectory,
        "bin",
        typeof(FunctionsBuildOutput).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration,
        new DirectoryInfo(AppContext.BaseDirectory).Name);

    /// <summary>The functions.metadata the worker SDK writes from the compiled attributes: what the host indexes.</summary>
    public static IReadOnlyList<JsonObject> Functions() =>
        JsonNode.Parse(Read("functions.metadata"))!.AsArray().Select(f => f!.AsObject()).ToList();

    /// <summary>The WebJobs extensions the host loads, built by the SDK's inner WorkerExtensions project.</summary>
    public static JsonObject Extensions() => JsonNode.Parse(Read("extensions.json"))!.AsObject();

    /// <summary>A file of the output, once the output is known to be built from the current source.</summary>
    public static string Read(string file)
    {
        var path = Path.Combine(OutputDirectory, file);
        var assembly = new FileInfo(Path.Combine(OutputDirectory, "LeadSync.Functions.dll"));
        Assert.True(File.Exists(path) && assembly.Exists, $"{path} is missing: build the Functions app first (dotnet build src/LeadSync.Functions -c {new DirectoryInfo(OutputDirectory).Parent!.Name}).");
        var newestSource = new DirectoryInfo(ProjectDirectory).EnumerateFiles("*.cs").Max(f => f.LastWriteTimeUtc);
        Assert.True(assembly.LastWriteTimeUtc >= newestSource, $"{assembly.FullName} is older than the app's source: build the Functions app again.");
        return File.ReadAllText(path);
    }
}
