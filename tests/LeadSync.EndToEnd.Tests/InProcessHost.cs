using LeadSync.Web.Admin;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LeadSync.EndToEnd.Tests;

/// <summary>
/// The portable host's own <c>Program</c> in memory (<see cref="WebApplicationFactory{TEntryPoint}"/>), with storage
/// pointed at a closed port and no background services: for checks that end before storage, such as authorization,
/// and for the route table itself. Tests that need the host as a separate process (storage, timers, a kill) use
/// <c>PortableHostProcess</c>.
/// </summary>
public sealed class InProcessHost : IAsyncDisposable
{
    public const string AdminKey = "admin-key-for-tests";
    private const string DeadStorage =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "TableEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1";

    private readonly WebApplicationFactory<Program> _factory;

    private InProcessHost(WebApplicationFactory<Program> factory)
    {
        _factory = factory;
        Client = factory.CreateClient();
    }

    /// <summary>The running host's services (the route table, options, configuration).</summary>
    public IServiceProvider Services => _factory.Services;

    public HttpClient Client { get; }

    public static Task<InProcessHost> StartAsync(bool trustAppServiceAuthentication = false, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["LeadSync:Storage:ConnectionString"] = DeadStorage,
            ["LeadSync:Storage:NetworkTimeout"] = "00:00:02",
            ["LeadSync:Sources:generic:Secret"] = ThinPathHostFixture.GenericSecret,
            ["LeadSync:Crm:EventsSecret"] = ThinPathHostFixture.CrmEventsSecret,
            ["LeadSync:Admin:ApiKeys:0"] = AdminKeyHasher.Hash(AdminKey),
            ["LeadSync:Admin:TrustAppServiceAuthentication"] = trustAppServiceAuthentication ? "true" : "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");

            // Host settings, so Program's registrations (which read configuration before the app is built) see them.
            foreach (var (key, value) in all)
            {
                web.UseSetting(key, value);
            }

            web.ConfigureServices(services =>
            {
                if (time is not null)
                {
                    services.Replace(ServiceDescriptor.Singleton(time));
                }

                services.RemoveAll<IHostedService>();
            });
        });
        return Task.FromResult(new InProcessHost(factory));
    }

    /// <summary>Removes the admin key's hash from the settings, as an operator revoking it would.</summary>
    /// <remarks>
    /// A new, last source wins and the configuration manager announces the change; a reload would re-read the host
    /// settings this factory passed in and bring the key back.
    /// </remarks>
    public void RevokeAdminKey() =>
        ((IConfigurationBuilder)Services.GetRequiredService<IConfiguration>())
            .AddInMemoryCollection(new Dictionary<string, string?> { ["LeadSync:Admin:ApiKeys:0"] = string.Empty });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }
}
