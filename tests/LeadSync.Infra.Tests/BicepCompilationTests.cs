using LeadSync.Infra.Tests.Support;

namespace LeadSync.Infra.Tests;

/// <summary>Every Bicep file compiles and passes the linter (infra/bicepconfig.json: every core rule is an error) without a single diagnostic.</summary>
public sealed class BicepCompilationTests
{
    public static TheoryData<string> BicepFiles() => [.. AllBicepFiles()];

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Bicep_file_builds_without_diagnostics(string file)
    {
        var outDir = Directory.CreateTempSubdirectory("leadsync-bicep-build-");
        try
        {
            var result = BicepCli.Run("build", file, "--outdir", outDir.FullName, "--config", ConfigFile);

            Assert.True(result.ExitCode == 0 && Quiet(result), result.Describe());
            Assert.Single(outDir.GetFiles("*.json"));
        }
        finally
        {
            outDir.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Bicep_file_passes_the_linter_without_diagnostics(string file)
    {
        var result = BicepCli.Run("lint", file, "--config", ConfigFile);

        Assert.True(result.ExitCode == 0 && Quiet(result), result.Describe());
    }

    [Fact]
    public void There_are_bicep_files_to_check() =>
        Assert.Contains("infra/main.bicep", AllBicepFiles());

    private static IEnumerable<string> AllBicepFiles() =>
        Directory.EnumerateFiles(RepositoryRoot.Combine("infra"), "*.bicep", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(RepositoryRoot.Path, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static string ConfigFile => RepositoryRoot.Combine("infra", "bicepconfig.json");

    private static bool Quiet(ProcessResult result) =>
        string.IsNullOrWhiteSpace(result.StandardOutput) && string.IsNullOrWhiteSpace(result.StandardError);
}
