using System.Text.Json;
using LeadSync.Infra.Tests.Support;

namespace LeadSync.Infra.Tests;

/// <summary>What `azd provision` would create, read from the offline deployment snapshot.</summary>
[Collection(SnapshotCollection.Name)]
public sealed class TemplateResourcesTests(DeploymentSnapshot snapshot)
{
    [Fact]
    public void Function_app_runs_dotnet_isolated_10_on_flex_consumption_as_its_user_assigned_identity()
    {
        var plan = snapshot.SingleResource("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", plan.GetProperty("sku").GetProperty("name").GetString());
        Assert.Equal("FlexConsumption", plan.GetProperty("sku").GetProperty("tier").GetString());

        var site = snapshot.SingleResource("Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", site.GetProperty("kind").GetString());
        Assert.Equal("UserAssigned", site.GetProperty("identity").GetProperty("type").GetString());
        var properties = site.GetProperty("properties");
        var runtime = properties.GetProperty("functionAppConfig").GetProperty("runtime");
        Assert.Equal("dotnet-isolated", runtime.GetProperty("name").GetString());
        Assert.Equal("10.0", runtime.GetProperty("version").GetString());
        Assert.True(properties.GetProperty("httpsOnly").GetBoolean());
        Assert.Contains("userAssignedIdentities", properties.GetProperty("keyVaultReferenceIdentity").GetString(), StringComparison.Ordinal);
        var deployment = properties.GetProperty("functionAppConfig").GetProperty("deployment").GetProperty("storage");
        Assert.Equal("UserAssignedIdentity", deployment.GetProperty("authentication").GetProperty("type").GetString());
        Assert.Equal("api", site.GetProperty("tags").GetProperty("azd-service-name").GetString());
    }

    [Fact]
    public void Storage_account_accepts_only_entra_id_and_has_the_deployment_container()
    {
        var storage = snapshot.SingleResource("Microsoft.Storage/storageAccounts").GetProperty("properties");

        Assert.False(storage.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(storage.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.Equal("TLS1_2", storage.GetProperty("minimumTlsVersion").GetString());
        Assert.Single(snapshot.Resources("Microsoft.Storage/storageAccounts/blobServices/containers"));
        Assert.Single(snapshot.Resources("Microsoft.Storage/storageAccounts/tableServices"));
        Assert.Equal(
            ["lead-notify", "lead-sync"],
            snapshot.Resources("Microsoft.Storage/storageAccounts/queueServices/queues")
                .Select(q => q.GetProperty("name").GetString()!.Split('/')[^1]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Key_vault_uses_rbac_and_monitoring_has_local_auth_off()
    {
        var vault = snapshot.SingleResource("Microsoft.KeyVault/vaults").GetProperty("properties");
        Assert.True(vault.GetProperty("enableRbacAuthorization").GetBoolean());
        Assert.True(vault.GetProperty("enableSoftDelete").GetBoolean());
        Assert.True(vault.TryGetProperty("enablePurgeProtection", out var purgeProtection) && purgeProtection.GetBoolean(),
            "Key Vault purge protection is off: a deleted vault's secrets could be purged at once.");

        var insights = snapshot.SingleResource("Microsoft.Insights/components").GetProperty("properties");
        Assert.True(insights.GetProperty("DisableLocalAuth").GetBoolean());

        var workspace = snapshot.SingleResource("Microsoft.OperationalInsights/workspaces").GetProperty("properties");
        Assert.True(workspace.GetProperty("features").GetProperty("disableLocalAuth").GetBoolean());
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Storage Blob Data Owner")]
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Storage Table Data Contributor")]
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Storage Queue Data Contributor")]
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6", "Key Vault Secrets User")]
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Monitoring Metrics Publisher")]
    public void Managed_identity_has_the_role(string roleDefinitionId, string roleName)
    {
        var assignments = snapshot.Resources("Microsoft.Authorization/roleAssignments")
            .Select(a => a.GetProperty("properties"))
            .Where(p => p.GetProperty("roleDefinitionId").GetString()!.Contains(roleDefinitionId, StringComparison.OrdinalIgnoreCase))
            .ToList();

        var assignment = Assert.Single(assignments);
        Assert.Equal("ServicePrincipal", assignment.GetProperty("principalType").GetString());
        Assert.Contains("userAssignedIdentities", assignment.GetProperty("principalId").GetString(), StringComparison.Ordinal);
        _ = roleName;
    }

    [Fact]
    public void Every_top_level_resource_is_tagged_with_the_azd_environment()
    {
        var topLevel = snapshot.Root.GetProperty("predictedResources").EnumerateArray()
            .Where(r => !r.GetProperty("type").GetString()!.StartsWith("Microsoft.Authorization/", StringComparison.Ordinal)
                && r.GetProperty("type").GetString()!.Count(c => c == '/') == 1)
            .ToList();

        Assert.NotEmpty(topLevel);
        Assert.All(topLevel, r => Assert.Equal(
            DeploymentSnapshot.EnvironmentName,
            r.GetProperty("tags").GetProperty("azd-env-name").GetString()));
    }

    [Fact]
    public void Outputs_give_azd_and_the_vendors_what_they_need()
    {
        var outputs = snapshot.Root.GetProperty("outputs");

        Assert.Equal(DeploymentSnapshot.Location, Output(outputs, "AZURE_LOCATION"));
        Assert.Equal(DeploymentSnapshot.TenantId, Output(outputs, "AZURE_TENANT_ID"));
        Assert.Equal($"rg-{DeploymentSnapshot.EnvironmentName}", Output(outputs, "AZURE_RESOURCE_GROUP"));
        Assert.StartsWith("func-leadsync-", Output(outputs, "AZURE_FUNCTION_APP_NAME"), StringComparison.Ordinal);
        Assert.Contains("/api/webhooks/", Output(outputs, "LEADSYNC_WEBHOOK_BASE_URL"), StringComparison.Ordinal);
        Assert.Contains("https://", Output(outputs, "LEADSYNC_WEBHOOK_BASE_URL"), StringComparison.Ordinal);
    }

    private static string Output(JsonElement outputs, string name) =>
        outputs.GetProperty(name) is { ValueKind: JsonValueKind.Object } o ? o.GetProperty("value").GetString()! : outputs.GetProperty(name).GetString()!;
}
