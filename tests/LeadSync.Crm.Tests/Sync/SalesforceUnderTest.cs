using LeadSync.Core.Leads;
using LeadSync.Crm.Tests.Salesforce;
using LeadSync.Testing.Crm;

namespace LeadSync.Crm.Tests.Sync;

/// <summary>Salesforce: an outage is 503 SERVER_UNAVAILABLE; the quota stop is 403 REQUEST_LIMIT_EXCEEDED (org allocation spent).</summary>
public sealed class SalesforceUnderTest(SalesforceSimulator sim) : SimulatedCrm
{
    public static readonly TimeSpan QuotaRetryAfter = TimeSpan.FromHours(1);

    public override string Provider => "salesforce";

    public override int Calls => sim.DataRequests;

    public static async Task<SalesforceUnderTest> StartAsync() => new(await SalesforceSimulator.StartAsync());

    public override void SetOutage(bool down) => sim.Faults.Outage = down;

    public override void StopQuota() => sim.ApiUsed = sim.ApiMax;

    public override void ResetQuota() => sim.ApiUsed = 0;

    /// <summary>The allocation rolls over 24 h; LeadSync waits <c>QuotaRetryAfter</c> and then probes.</summary>
    public override DateTimeOffset QuotaResetAt(DateTimeOffset stoppedAt) => stoppedAt + QuotaRetryAfter;

    public override void AssertEachWrittenOnce(IReadOnlyList<Lead> leads)
    {
        var records = sim.Leads;
        Assert.Equal(leads.Count, records.Count);
        Assert.All(leads, l => Assert.Equal(0, records[l.Id].Updates));
    }

    public override Dictionary<string, string?> Settings()
    {
        var settings = Resilience("LeadSync:Crm:Salesforce");
        settings["LeadSync:Crm:Provider"] = "salesforce";
        settings["LeadSync:Crm:Salesforce:MyDomainUrl"] = sim.BaseUri.ToString();
        settings["LeadSync:Crm:Salesforce:ClientId"] = SalesforceSimulator.ClientId;
        settings["LeadSync:Crm:Salesforce:ClientSecret"] = SalesforceSimulator.ClientSecret;
        settings["LeadSync:Crm:Salesforce:QuotaRetryAfter"] = QuotaRetryAfter.ToString();
        return settings;
    }

    public override ValueTask DisposeAsync() => sim.DisposeAsync();
}
