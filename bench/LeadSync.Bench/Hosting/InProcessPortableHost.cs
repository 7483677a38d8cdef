using System.Globalization;
using LeadSync.Bench.Load;
using LeadSync.Testing;
using LeadSync.Web.Hosting;
using LeadSync.Portable;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LeadSync.Bench.Hosting;

/// <summary>
/// The portable host's Program.cs (<c>AddLeadSync</c>, <c>AddLeadSyncPortableHost</c>, <c>MapLeadSync</c>) run in this
/// process on Kestrel, with eng/run's settings: so a probe can see each storage request with the activity it runs
/// under (<see cref="Probes.StageStorageCallCounter"/>). Timings belong to the out-of-process host, not to this one.
/// </summary>
public sealed class InProcessPortableHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessPortableHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<InProcessPortableHost> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}/");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls(baseUrl.ToString().TrimEnd('/'));
        var config = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["LeadSync:Sources:generic:Secret"] = SignedWebhooks.LocalGenericSecret,
            ["LeadSync:Crm:EventsSecret"] = "whsec_KlfOsjsXgVAYUmsuBbAieJgt+gpv458l4b9jpM6YbGw=",
            ["LeadSync:Notifications:AckSecret"] = "local-only-ack-secret-change-me",
            ["LeadSync:Notifications:PublicBaseUrl"] = baseUrl.ToString(),
            ["LeadSync:Admin:ApiKeys:0"] = "sha256:" + new string('0', 64),
        };
        foreach (var (key, value) in settings)
        {
            config[key.Replace("__", ":", StringComparison.Ordinal)] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddLeadSync();
        builder.AddLeadSyncPortableHost();
        var app = builder.Build();
        app.MapLeadSync();
        await app.StartAsync();
        return new InProcessPortableHost(app, baseUrl);
    }

    /// <summary>Runs a timer job now, as its timer would (<see cref="JobRunner"/>).</summary>
    public Task<Core.Jobs.JobReport?> RunJobAsync(string job, CancellationToken cancellationToken) =>
        _app.Services.GetRequiredService<JobRunner>().RunAsync(job, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
