using System.Text.Json;

namespace LeadSync.Infra.Tests.Support;

/// <summary>
/// What infra/main.bicep would deploy, as predicted offline by <c>bicep snapshot</c>: module outputs and loops
/// are expanded and every value the CLI can compute without Azure is computed (values that only exist after
/// deployment, such as endpoints, stay as ARM expressions). Generated once per test run.
/// </summary>
public sealed class DeploymentSnapshot : IDisposable
{
    public const string SubscriptionId = "00000000-0000-0000-0000-000000000001";
    public const string TenantId = "00000000-0000-0000-0000-000000000002";
    public const string Location = "eastus2";
    public const string EnvironmentName = "leadsync-ci";

    private readonly DirectoryInfo _workDirectory;
    private readonly JsonDocument _document;

    public DeploymentSnapshot()
    {
        _workDirectory = Directory.CreateTempSubdirectory("leadsync-infra-");
        var parametersFile = Path.Combine(_workDirectory.FullName, "snapshot.bicepparam");
        // .bicepparam files must name their template by a relative path.
        var template = Path.GetRelativePath(_workDirectory.FullName, RepositoryRoot.Combine("infra", "main.bicep"))
            .Replace('\\', '/');
        File.WriteAllText(parametersFile, $"""
            using '{template}'

            param environmentName = '{EnvironmentName}'
            param location = '{Location}'
            param principalId = ''
            """);

        var result = BicepCli.Run(
            "snapshot", parametersFile,
            "--subscription-id", SubscriptionId,
            "--tenant-id", TenantId,
            "--location", Location,
            "--config", RepositoryRoot.Combine("infra", "bicepconfig.json"));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep snapshot failed: {result.Describe()}");
        }

        CliOutput = result.StandardOutput + result.StandardError;
        _document = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(parametersFile, ".snapshot.json")));
    }

    /// <summary>What the CLI printed (diagnostics, if any).</summary>
    public string CliOutput { get; }

    public JsonElement Root => _document.RootElement;

    public IEnumerable<JsonElement> Resources(string type) =>
        Root.GetProperty("predictedResources").EnumerateArray()
            .Where(r => string.Equals(r.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase));

    public JsonElement SingleResource(string type) => Assert.Single(Resources(type));

    /// <summary>The Functions app's app settings, name → value (a literal or an ARM expression).</summary>
    public IReadOnlyDictionary<string, string> FunctionAppSettings()
    {
        var config = Assert.Single(
            Resources("Microsoft.Web/sites/config"),
            r => r.GetProperty("name").GetString()!.EndsWith("/appsettings", StringComparison.Ordinal));
        return config.GetProperty("properties").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.OrdinalIgnoreCase);
    }

    public void Dispose()
    {
        _document?.Dispose();
        _workDirectory.Delete(recursive: true);
    }
}
