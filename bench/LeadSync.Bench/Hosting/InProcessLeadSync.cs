using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using LeadSync.Web.Hosting;

namespace LeadSync.Bench.Hosting;

/// <summary>
/// LeadSync's services exactly as the hosts register them (<c>AddLeadSync</c>), built in this process and never
/// started (no timers, no queue consumers), so a benchmark can run one use case and observe it from inside.
/// </summary>
public sealed class InProcessLeadSync : IDisposable
{
    private readonly IHost _host;

    public InProcessLeadSync(string storageConnectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LeadSync:Storage:ConnectionString"] = storageConnectionString,
        });
        builder.Logging.ClearProviders();
        builder.AddLeadSync();
        _host = builder.Build();
    }

    public IServiceProvider Services => _host.Services;

    public void Dispose() => _host.Dispose();
}
