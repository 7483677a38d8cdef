using LeadSync.Testing.Crm;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Crm.Tests.Support;

/// <summary>
/// A test class against a running <see cref="SalesforceSimulator"/> (a fresh one per test);
/// <see cref="SalesforceServices"/> builds the container of the Salesforce gateway pointed at it.
/// </summary>
public abstract class SalesforceSimulatorTest : IAsyncLifetime
{
    protected SalesforceSimulator Sim { get; private set; } = null!;

    public async Task InitializeAsync() => Sim = await SalesforceSimulator.StartAsync();

    public async Task DisposeAsync() => await Sim.DisposeAsync();

    /// <summary>The provider <c>salesforce</c> on the simulator, fast resilience; <paramref name="tweak"/> adds or changes settings.</summary>
    protected ServiceProvider SalesforceServices(Action<Dictionary<string, string?>>? tweak = null)
    {
        var settings = CrmServices.FastResilience("LeadSync:Crm:Salesforce");
        settings["LeadSync:Crm:Provider"] = "salesforce";
        settings["LeadSync:Crm:Salesforce:MyDomainUrl"] = Sim.BaseUri.ToString();
        settings["LeadSync:Crm:Salesforce:ClientId"] = SalesforceSimulator.ClientId;
        settings["LeadSync:Crm:Salesforce:ClientSecret"] = SalesforceSimulator.ClientSecret;
        tweak?.Invoke(settings);
        return CrmServices.Build(settings);
    }
}
