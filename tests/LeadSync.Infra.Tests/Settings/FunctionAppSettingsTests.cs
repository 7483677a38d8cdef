using LeadSync.Infra.Tests.Support;

namespace LeadSync.Infra.Tests.Settings;

/// <summary>The Functions app reaches storage, Key Vault and Application Insights with its managed identity only.</summary>
[Collection(SnapshotCollection.Name)]
public sealed class FunctionAppSettingsTests(DeploymentSnapshot snapshot)
{
    private readonly IReadOnlyDictionary<string, string> _settings = snapshot.FunctionAppSettings();

    [Fact]
    public void Functions_host_storage_is_identity_based()
    {
        Assert.Equal("managedidentity", _settings["AzureWebJobsStorage__credential"]);
        Assert.Contains(".clientId", _settings["AzureWebJobsStorage__clientId"], StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.blob", _settings["AzureWebJobsStorage__blobServiceUri"], StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.queue", _settings["AzureWebJobsStorage__queueServiceUri"], StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.table", _settings["AzureWebJobsStorage__tableServiceUri"], StringComparison.Ordinal);
        Assert.DoesNotContain("AzureWebJobsStorage", _settings.Keys);
    }

    [Fact]
    public void App_storage_is_identity_based()
    {
        Assert.Contains("primaryEndpoints.table", _settings["LeadSync__Storage__TableServiceUri"], StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.queue", _settings["LeadSync__Storage__QueueServiceUri"], StringComparison.Ordinal);
        Assert.Contains(".clientId", _settings["LeadSync__Storage__ManagedIdentityClientId"], StringComparison.Ordinal);
        Assert.Contains(".clientId", _settings["AZURE_CLIENT_ID"], StringComparison.Ordinal);
    }

    [Fact]
    public void No_setting_carries_a_key_or_connection_string_secret()
    {
        Assert.All(_settings, setting =>
        {
            Assert.DoesNotContain("AccountKey=", setting.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("listKeys", setting.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature", setting.Value, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void Application_insights_uses_entra_id_authentication()
    {
        Assert.Contains("ConnectionString", _settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        var authentication = _settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"];
        Assert.Contains("ClientId={0};Authorization=AAD", authentication, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LeadSync__Sources__generic__Secret", "LeadSync--Sources--generic--Secret")]
    [InlineData("LeadSync__Crm__EventsSecret", "LeadSync--Crm--EventsSecret")]
    [InlineData("LeadSync__Admin__ApiKeys__0", "LeadSync--Admin--ApiKeys--0")]
    public void Secrets_are_versionless_key_vault_references(string setting, string secretName)
    {
        var value = _settings[setting];

        Assert.Contains("@Microsoft.KeyVault(SecretUri={0}secrets/{1}/)", value, StringComparison.Ordinal);
        Assert.Contains($"'{secretName}'", value, StringComparison.Ordinal);
        Assert.Contains(
            snapshot.Resources("Microsoft.KeyVault/vaults/secrets"),
            secret => secret.GetProperty("name").GetString()!.EndsWith("/" + secretName, StringComparison.Ordinal));
    }

    [Fact]
    public void Public_base_url_is_the_function_apps_default_host_name()
    {
        var value = _settings["LeadSync__Notifications__PublicBaseUrl"];

        Assert.Contains("format('https://{0}/'", value, StringComparison.Ordinal);
        Assert.Contains("defaultHostName", value, StringComparison.Ordinal);
    }

    [Fact]
    public void Timer_schedules_are_app_settings_for_the_percent_expressions()
    {
        Assert.Equal("0 */1 * * * *", _settings["LeadSync__Sla__SweepSchedule"]);
        Assert.Equal("0 0 * * * *", _settings["LeadSync__Recycle__Schedule"]);
        Assert.Equal("0 */5 * * * *", _settings["LeadSync__Crm__RedriveSchedule"]);
    }
}
