namespace LeadSync.Infra.Tests.Support;

/// <summary>Finds the repository root (the folder holding LeadSync.sln) from the test's output folder.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "LeadSync.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No LeadSync.sln above {AppContext.BaseDirectory}.");
    }
}
