using Azure.Core;
using LeadSync.Infrastructure.Crm;
using LeadSync.Crm.Tests.Dynamics;
using LeadSync.Testing.Crm;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Crm.Tests.Support;

/// <summary>
/// A test class against a running <see cref="DynamicsSimulator"/> (a fresh one per test) with a fake Entra credential;
/// <see cref="DynamicsServices"/> builds the container of the Dynamics gateway pointed at it.
/// </summary>
public abstract class DynamicsSimulatorTest : IAsyncLifetime
{
    protected DynamicsSimulator Sim { get; private set; } = null!;

    protected FakeTokenCredential Credential { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sim = await DynamicsSimulator.StartAsync();
        Credential = new FakeTokenCredential(Sim, TimeSpan.FromHours(1));
    }

    public async Task DisposeAsync() => await Sim.DisposeAsync();

    /// <summary>The provider <c>dynamics</c> on the simulator, fast resilience; <paramref name="tweak"/> adds or changes settings.</summary>
    protected ServiceProvider DynamicsServices(Action<Dictionary<string, string?>>? tweak = null)
    {
        var settings = CrmServices.FastResilience("LeadSync:Crm:Dynamics");
        settings["LeadSync:Crm:Provider"] = "dynamics";
        settings["LeadSync:Crm:Dynamics:OrganizationUrl"] = Sim.BaseUri.ToString();
        settings["LeadSync:Crm:Dynamics:TenantId"] = "00000000-0000-0000-0000-00000000cafe";
        settings["LeadSync:Crm:Dynamics:ClientId"] = "00000000-0000-0000-0000-0000000000a1";
        settings["LeadSync:Crm:Dynamics:ClientSecret"] = "secret";
        tweak?.Invoke(settings);
        return CrmServices.Build(settings, s => s.AddKeyedSingleton<TokenCredential>(CrmProvider.Dynamics, Credential));
    }
}
