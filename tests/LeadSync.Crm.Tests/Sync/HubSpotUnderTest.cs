using LeadSync.Core.Leads;
using LeadSync.Testing.Crm;

namespace LeadSync.Crm.Tests.Sync;

/// <summary>HubSpot (the shared stub): an outage is 503; the quota stop is the DAILY 429, lifted at midnight in the account's time zone.</summary>
public sealed class HubSpotUnderTest(HubSpotSimulator stub) : SimulatedCrm
{
    public override string Provider => "hubspot";

    public override int Calls => stub.Requests;

    public static async Task<HubSpotUnderTest> StartAsync() => new(await HubSpotSimulator.StartAsync());

    public override void SetOutage(bool down) => stub.Faults.Outage = down;

    public override void StopQuota() => stub.DailyLimitReached = true;

    public override void ResetQuota() => stub.DailyLimitReached = false;

    /// <summary>Midnight of the account's time zone (UTC here, the default <c>AccountTimeZone</c>).</summary>
    public override DateTimeOffset QuotaResetAt(DateTimeOffset stoppedAt) => new(stoppedAt.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);

    public override void AssertEachWrittenOnce(IReadOnlyList<Lead> leads)
    {
        var contacts = stub.Contacts;
        Assert.Equal(leads.Count, contacts.Count);
        Assert.All(leads, l => Assert.Equal((1, 0), (contacts[l.Contact.Email!].Creates, contacts[l.Contact.Email!].Updates)));
    }

    public override Dictionary<string, string?> Settings()
    {
        var settings = Resilience("LeadSync:Crm:HubSpot");
        settings["LeadSync:Crm:Provider"] = "hubspot";
        settings["LeadSync:Crm:HubSpot:BaseUrl"] = stub.BaseUri.ToString();
        settings["LeadSync:Crm:HubSpot:AccessToken"] = "pat-test";
        return settings;
    }

    public override ValueTask DisposeAsync() => stub.DisposeAsync();
}
