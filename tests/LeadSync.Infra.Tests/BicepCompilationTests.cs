using LeadSync.Infra.Tests.Support;

namespace LeadSync.Infra.Tests;

/// <summary>
/// Every Bicep file under infra/ compiles and passes the linter (infra/bicepconfig.json: every core rule is an
/// error) without a single diagnostic. One CLI run per check (--pattern) keeps this cheap on a 2-core machine.
/// </summary>
public sealed class BicepCompilationTests
{
    private const string Pattern = "infra/**/*.bicep";

    [Fact]
    public void Every_bicep_file_builds_without_diagnostics()
    {
        var outDir = Directory.CreateTempSubdirectory("leadsync-bicep-build-");
        try
        {
            var result = BicepCli.Run("build", "--pattern", Pattern, "--outdir", outDir.FullName, "--config", ConfigFile);

            Assert.True(result.ExitCode == 0 && Quiet(result), result.Describe());
            var built = Directory.EnumerateFiles(outDir.FullName, "*.json", SearchOption.AllDirectories)
                .Select(file => Path.GetRelativePath(outDir.FullName, file).Replace('\\', '/'))
                .ToHashSet(StringComparer.Ordinal);
            Assert.All(AllBicepFiles(), file => Assert.Contains(Path.ChangeExtension(file["infra/".Length..], ".json"), built));
        }
        finally
        {
            outDir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Every_bicep_file_passes_the_linter_without_diagnostics()
    {
        var result = BicepCli.Run("lint", "--pattern", Pattern, "--config", ConfigFile);

        Assert.True(result.ExitCode == 0 && Quiet(result), result.Describe());
        Assert.Contains("infra/main.bicep", AllBicepFiles());
    }

    [Fact]
    public void The_linter_configuration_fails_a_file_with_a_lint_finding()
    {
        var dir = Directory.CreateTempSubdirectory("leadsync-bicep-lint-");
        try
        {
            var file = Path.Combine(dir.FullName, "unused.bicep");
            File.WriteAllText(file, "param unused string\n");

            var result = BicepCli.Run("lint", file, "--config", ConfigFile);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("Error no-unused-params", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static IEnumerable<string> AllBicepFiles() =>
        Directory.EnumerateFiles(RepositoryRoot.Combine("infra"), "*.bicep", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(RepositoryRoot.Path, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static string ConfigFile => RepositoryRoot.Combine("infra", "bicepconfig.json");

    private static bool Quiet(ProcessResult result) =>
        string.IsNullOrWhiteSpace(result.StandardOutput) && string.IsNullOrWhiteSpace(result.StandardError);
}
