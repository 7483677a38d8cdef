using System.Text.Json;
using LeadSync.Infra.Tests.Support;

namespace LeadSync.Infra.Tests;

public sealed class LinterConfigurationTests
{
    [Fact]
    public void Every_configured_linter_rule_is_an_error()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("infra", "bicepconfig.json")));
        var core = config.RootElement.GetProperty("analyzers").GetProperty("core");

        Assert.True(core.GetProperty("enabled").GetBoolean());
        var rules = core.GetProperty("rules").EnumerateObject().ToList();
        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.Equal("error", rule.Value.GetProperty("level").GetString()));
    }
}
