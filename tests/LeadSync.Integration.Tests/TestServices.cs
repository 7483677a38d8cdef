using LeadSync.Testing;
using LeadSync.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LeadSync.Integration.Tests;

/// <summary>The real LeadSync service graph (AddLeadSync) on Azurite, isolated by a table prefix, with a fake clock.</summary>
public sealed class TestServices : IAsyncDisposable
{
    public const string GenericSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private readonly ServiceProvider _provider;

    private TestServices(ServiceProvider provider, FakeTimeProvider time, string prefix)
    {
        _provider = provider;
        Time = time;
        Prefix = prefix;
    }

    public FakeTimeProvider Time { get; }

    public string Prefix { get; }

    public IServiceProvider Services => _provider;

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public static TestServices Create(string connectionString, IDictionary<string, string?>? settings = null, DateTimeOffset? start = null, Action<IServiceCollection>? configure = null)
    {
        var prefix = AzuriteFixture.NewPrefix();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", DisableDefaults = true });
        var config = new Dictionary<string, string?>
        {
            ["LeadSync:Storage:ConnectionString"] = connectionString,
            ["LeadSync:Storage:TablePrefix"] = prefix,
            ["LeadSync:Sources:generic:Secret"] = GenericSecret,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.ClearProviders();
        var time = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddLeadSync();
        configure?.Invoke(builder.Services);
        var provider = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new TestServices(provider, time, prefix);
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
