namespace LeadSync.Infra.Tests.Support;

/// <summary>
/// The Bicep CLI: <c>$BICEP</c> if set, otherwise the path printed by <c>eng/bicep.sh</c>, which restores the
/// pinned NuGet package Azure.Bicep.CommandLine.linux-x64 when it is not in the package cache yet.
/// </summary>
internal static class BicepCli
{
    private static readonly Lazy<string> Executable = new(Locate);

    public static string Path => Executable.Value;

    public static ProcessResult Run(params string[] arguments) =>
        ChildProcess.Run(Path, RepositoryRoot.Path, arguments);

    private static string Locate()
    {
        var result = ChildProcess.Run("bash", RepositoryRoot.Path, RepositoryRoot.Combine("eng", "bicep.sh"));
        var path = result.StandardOutput.Trim();
        if (result.ExitCode != 0 || !File.Exists(path))
        {
            throw new InvalidOperationException($"eng/bicep.sh found no Bicep CLI: {result.Describe()}");
        }

        return path;
    }
}
