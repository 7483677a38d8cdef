using System.Text.Json;
using LeadSync.Core.Crm;
using LeadSync.Core.Intake;
using LeadSync.Core.Notifications;
using LeadSync.Testing;
using LeadSync.Web.Endpoints;
using LeadSync.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LeadSync.Integration.Tests.Hosting;

/// <summary>
/// A Key Vault reference the platform could not resolve (missing secret, role not granted yet) stays in the setting as
/// the literal <c>@Microsoft.KeyVault(...)</c>. It used to be taken as the secret itself; now it is unset everywhere
/// and /api/health names the setting, never its value.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class KeyVaultReferenceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string TypeformReference = "@Microsoft.KeyVault(SecretUri=https://leadsync-kv.vault.azure.net/secrets/typeform-secret/)";
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["LeadSync:Sources:typeform:Secret"] = TypeformReference,
            ["LeadSync:Sources:unbounce:Key"] = " @microsoft.keyvault(VaultName=leadsync-kv;SecretName=unbounce-key)",
            ["LeadSync:Sources:pardot:Key"] = "a-real-pardot-key",
            ["LeadSync:Crm:EventsSecret"] = "@Microsoft.KeyVault(VaultName=leadsync-kv;SecretName=crm-events)",
            ["LeadSync:Notifications:AckSecret"] = "@Microsoft.KeyVault(VaultName=leadsync-kv;SecretName=ack)",
            ["LeadSync:Notifications:WebhookUrl"] = "@Microsoft.KeyVault(VaultName=leadsync-kv;SecretName=webhook-url)",
            ["LeadSync:Admin:ApiKeys:0"] = "@Microsoft.KeyVault(VaultName=leadsync-kv;SecretName=admin-key-hash)",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public void A_source_whose_secret_is_an_unresolved_reference_is_off_and_a_resolved_one_is_on()
    {
        var intake = _services.Get<WebhookIntake>();

        Assert.Null(intake.FindSource("typeform"));
        Assert.Null(intake.FindSource("unbounce"));
        Assert.NotNull(intake.FindSource("pardot"));
    }

    [Fact]
    public void Crm_notification_and_admin_secrets_given_as_unresolved_references_are_unset()
    {
        Assert.True(string.IsNullOrEmpty(_services.Get<IOptions<CrmOptions>>().Value.EventsSecret));
        var notifications = _services.Get<IOptions<NotificationOptions>>().Value;
        Assert.True(string.IsNullOrEmpty(notifications.AckSecret));
        Assert.Null(notifications.WebhookUrl);
        Assert.All(_services.Get<IOptions<LeadSync.Web.Admin.AdminOptions>>().Value.ApiKeys, key => Assert.False(UnresolvedSecretSettings.IsReference(key)));
    }

    [Fact]
    public async Task Health_names_the_unresolved_settings_but_never_their_values()
    {
        var result = await _services.Get<HealthEndpoints>().GetAsync(CancellationToken.None);
        var context = new DefaultHttpContext { RequestServices = _services.Services };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();

        Assert.Equal(200, context.Response.StatusCode);
        using var report = JsonDocument.Parse(body);
        Assert.Equal("degraded", report.RootElement.GetProperty("status").GetString());
        var named = report.RootElement.GetProperty("unresolvedSettings").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("LeadSync:Sources:typeform:Secret", named);
        Assert.Contains("LeadSync:Crm:EventsSecret", named);
        Assert.Contains("LeadSync:Admin:ApiKeys:0", named);
        Assert.DoesNotContain("KeyVault", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("typeform-secret", body, StringComparison.Ordinal);
    }
}
