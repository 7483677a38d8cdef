using LeadSync.Web.Admin;
using LeadSync.Web.Hosting;
using LeadSync.Web.Portable;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LeadSync.EndToEnd.Tests;

/// <summary>
/// The portable host's registration and routes in memory (TestServer), with storage pointed at a closed port and no
/// background services: for checks that end before storage, such as authorization, and for the route table itself.
/// </summary>
public sealed class InProcessHost : IAsyncDisposable
{
    public const string AdminKey = "admin-key-for-tests";
    private const string DeadStorage =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "TableEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1";

    private InProcessHost(WebApplication app)
    {
        App = app;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public static async Task<InProcessHost> StartAsync(bool trustAppServiceAuthentication = false, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LeadSync:Storage:ConnectionString"] = DeadStorage,
            ["LeadSync:Storage:NetworkTimeout"] = "00:00:02",
            ["LeadSync:Sources:generic:Secret"] = ThinPathHostFixture.GenericSecret,
            ["LeadSync:Crm:EventsSecret"] = ThinPathHostFixture.CrmEventsSecret,
            ["LeadSync:Admin:ApiKeys:0"] = AdminKeyHasher.Hash(AdminKey),
            ["LeadSync:Admin:TrustAppServiceAuthentication"] = trustAppServiceAuthentication ? "true" : "false",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddLeadSync();
        if (time is not null)
        {
            builder.Services.Replace(ServiceDescriptor.Singleton(time));
        }

        builder.AddLeadSyncPortableHost();
        builder.Services.RemoveAll<IHostedService>();
        var app = builder.Build();
        app.MapLeadSync();
        await app.StartAsync();
        return new InProcessHost(app);
    }

    /// <summary>Removes the admin key's hash from the settings, as an operator revoking it would.</summary>
    public void RevokeAdminKey()
    {
        App.Configuration["LeadSync:Admin:ApiKeys:0"] = string.Empty;
        ((IConfigurationRoot)App.Configuration).Reload();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
