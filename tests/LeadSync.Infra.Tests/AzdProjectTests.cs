using System.Text.Json;
using LeadSync.Infra.Tests.Support;

namespace LeadSync.Infra.Tests;

/// <summary>azure.yaml and infra/main.parameters.json fit the template, so `azd up` asks only for what azd itself knows.</summary>
public sealed class AzdProjectTests
{
    private static readonly Lazy<string> MainTemplateJson = new(() =>
    {
        var result = BicepCli.Run("build", "infra/main.bicep", "--stdout");
        Assert.True(result.ExitCode == 0, result.Describe());
        return result.StandardOutput;
    });

    [Fact]
    public void Azure_yaml_deploys_the_functions_project_as_service_api()
    {
        var yaml = File.ReadAllText(RepositoryRoot.Combine("azure.yaml"));

        Assert.Contains("  api:\n    project: ./src/LeadSync.Functions\n    language: dotnet\n    host: function\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_file_supplies_every_required_parameter_from_the_azd_environment()
    {
        using var template = CompiledMainTemplate();
        using var parametersFile = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("infra", "main.parameters.json")));
        var declared = template.RootElement.GetProperty("parameters").EnumerateObject().ToList();
        var supplied = parametersFile.RootElement.GetProperty("parameters").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetProperty("value").GetString()!);

        Assert.All(supplied.Keys, name => Assert.Contains(declared, p => p.Name == name));
        Assert.All(
            declared.Where(p => !p.Value.TryGetProperty("defaultValue", out _)),
            p => Assert.True(supplied.ContainsKey(p.Name), $"{p.Name} has no default and is not in main.parameters.json"));
        Assert.Equal("${AZURE_ENV_NAME}", supplied["environmentName"]);
        Assert.Equal("${AZURE_LOCATION}", supplied["location"]);
        Assert.Equal("${AZURE_PRINCIPAL_ID}", supplied["principalId"]);
    }

    [Fact]
    public void Every_leadsync_setting_has_a_default_in_the_template()
    {
        using var template = CompiledMainTemplate();
        var defaults = template.RootElement.GetProperty("parameters").GetProperty("leadSyncSettings").GetProperty("defaultValue");

        Assert.All(defaults.EnumerateObject(), setting =>
        {
            Assert.StartsWith("LeadSync:", setting.Name, StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.String, setting.Value.ValueKind);
        });
    }

    private static JsonDocument CompiledMainTemplate() => JsonDocument.Parse(MainTemplateJson.Value);
}
