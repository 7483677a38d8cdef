namespace LeadSync.Testing;

/// <summary>Finds the repository root (the folder holding LeadSync.sln) from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string NodeBin(string tool) => Path.Combine(Root, "node_modules", ".bin", tool);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LeadSync.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (LeadSync.sln) above " + AppContext.BaseDirectory);
    }
}
