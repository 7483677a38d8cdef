using Azure.Core;
using LeadSync.Core.Leads;
using LeadSync.Crm.Tests.Dynamics;
using LeadSync.Infrastructure.Crm;
using Microsoft.Extensions.DependencyInjection;
using LeadSync.Testing.Crm;

namespace LeadSync.Crm.Tests.Sync;

/// <summary>
/// Dynamics 365 / Dataverse: an outage is 503; the quota stop is a service-protection 429 whose Retry-After says when
/// the allocation comes back (Dataverse has no daily hard stop; this is its "come back at" answer).
/// </summary>
public sealed class DynamicsUnderTest(DynamicsSimulator sim) : SimulatedCrm
{
    public static readonly TimeSpan QuotaWait = TimeSpan.FromHours(1);

    private const string ProtectionBody = """{"error":{"code":"0x80072322","message":"Number of requests exceeded the limit of 6000 over time window of 300 seconds."}}""";

    private readonly FakeTokenCredential _credential = new(sim, TimeSpan.FromDays(30));

    public override string Provider => "dynamics";

    public override int Calls => sim.Requests;

    public static async Task<DynamicsUnderTest> StartAsync() => new(await DynamicsSimulator.StartAsync());

    public override void SetOutage(bool down) => sim.Faults.Outage = down;

    /// <summary>The simulator answers the next requests with 429 + Retry-After until reset (scripted, more than will be sent).</summary>
    public override void StopQuota()
    {
        sim.Faults.FailNext(1000, 429, ProtectionBody, ("Retry-After", ((int)QuotaWait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public override void ResetQuota()
    {
        while (sim.Faults.TryDrop())
        {
        }
    }

    public override DateTimeOffset QuotaResetAt(DateTimeOffset stoppedAt) => stoppedAt + QuotaWait;

    public override void AssertEachWrittenOnce(IReadOnlyList<Lead> leads)
    {
        var rows = sim.Leads;
        Assert.Equal(leads.Count, rows.Count);
        Assert.All(leads, l => Assert.Equal(0, rows[l.Id].Updates));
    }

    public override Dictionary<string, string?> Settings()
    {
        var settings = Resilience("LeadSync:Crm:Dynamics");
        settings["LeadSync:Crm:Provider"] = "dynamics";
        settings["LeadSync:Crm:Dynamics:OrganizationUrl"] = sim.BaseUri.ToString();
        settings["LeadSync:Crm:Dynamics:TenantId"] = "00000000-0000-0000-0000-00000000cafe";
        settings["LeadSync:Crm:Dynamics:ClientId"] = "00000000-0000-0000-0000-0000000000a1";
        settings["LeadSync:Crm:Dynamics:ClientSecret"] = "secret";
        return settings;
    }

    public override void Register(IServiceCollection services) => services.AddKeyedSingleton<TokenCredential>(CrmProvider.Dynamics, _credential);

    public override ValueTask DisposeAsync() => sim.DisposeAsync();
}
