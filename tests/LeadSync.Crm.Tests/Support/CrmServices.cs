using LeadSync.Core.Crm;
using LeadSync.Infrastructure.Crm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Crm.Tests.Support;

/// <summary>Builds the app's CRM registration exactly as a host does, from in-memory settings.</summary>
public static class CrmServices
{
    /// <summary>Fast resilience for tests: short back-off and timeouts, same strategies.</summary>
    public static Dictionary<string, string?> FastResilience(string section) => new()
    {
        [$"{section}:Resilience:RetryBaseDelay"] = "00:00:00.020",
        [$"{section}:Resilience:MaxRetryAttempts"] = "4",
        [$"{section}:Resilience:AttemptTimeout"] = "00:00:02",
        [$"{section}:Resilience:TotalTimeout"] = "00:00:20",
        [$"{section}:Resilience:MaxInlineRetryAfter"] = "00:00:03",
        [$"{section}:Resilience:BreakerMinimumThroughput"] = "100",
        [$"{section}:Resilience:RateLimitPermits"] = "1000",
        [$"{section}:Resilience:RateLimitWindow"] = "00:00:01",
    };

    public static ServiceProvider Build(IDictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        before?.Invoke(services);
        services.AddCrmProviders(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static ICrmGateway Gateway(this ServiceProvider provider) => provider.GetRequiredService<ICrmGateway>();
}
