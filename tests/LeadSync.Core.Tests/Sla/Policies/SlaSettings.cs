using LeadSync.Core.Sla;
using LeadSync.Core.Sla.Policies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadSync.Core.Tests.Sla.Policies;

/// <summary>Binds SLA settings the way a host does (configuration → options → validators → policy).</summary>
internal static class SlaSettings
{
    public const string TiersFile = "Sla/Policies/sla-tiers.json";

    public static ServiceProvider FromJsonFile(string path) =>
        Services(new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, path)).Build());

    public static ServiceProvider FromPairs(params (string Key, string? Value)[] settings) =>
        Services(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    public static CalendarSlaPolicy Tiers() => (CalendarSlaPolicy)FromJsonFile(TiersFile).GetRequiredService<ISlaPolicy>();

    private static ServiceProvider Services(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddOptions<SlaOptions>().Bind(configuration.GetSection(SlaOptions.Section));
        services.AddSingleton<IValidateOptions<SlaOptions>, SlaOptionsValidator>();
        services.AddSingleton<IValidateOptions<SlaOptions>, SlaPolicyOptionsValidator>();
        services.AddSingleton<ISlaPolicy, CalendarSlaPolicy>();
        services.AddSingleton<RoundTheClockSlaPolicy>();
        return services.BuildServiceProvider();
    }
}
