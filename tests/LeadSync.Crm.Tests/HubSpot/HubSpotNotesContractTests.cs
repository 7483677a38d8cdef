using LeadSync.Core.Crm.Touches;
using LeadSync.Core.Leads;
using LeadSync.Crm.Tests.Support;
using LeadSync.Infrastructure.Crm.Changes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Crm.Tests.HubSpot;

/// <summary>
/// The touch note against Prism serving HubSpot's published notes v3 spec: the create-with-association request must
/// pass the spec's validation and its 201 must be read as success.
/// </summary>
public sealed class HubSpotNotesContractTests(HubSpotNotesPrismFixture prism) : IClassFixture<HubSpotNotesPrismFixture>
{
    private readonly PrismProbe _probe = new();

    [Fact]
    public async Task A_touch_note_with_its_contact_association_is_a_valid_create_and_its_201_is_success()
    {
        var settings = CrmServices.FastResilience("LeadSync:Crm:HubSpot");
        settings["LeadSync:Crm:Provider"] = "hubspot";
        settings["LeadSync:Crm:HubSpot:BaseUrl"] = prism.BaseUri.ToString();
        settings["LeadSync:Crm:HubSpot:AccessToken"] = "pat-na1-00000000-0000-0000-0000-000000000000";
        await using var sp = CrmServices.Build(settings, s =>
        {
            s.AddCrmTouchWriters(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
            s.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => _probe));
        });
        var lead = new LeadBuilder().Build() with { CrmId = "1001", Owner = "9000001", Status = LeadStatus.Synced };
        var record = new CrmTouchRecord
        {
            Key = lead.Id + "|1",
            LeadId = lead.Id,
            CrmId = "1001",
            Owner = "9000001",
            Source = "typeform",
            At = new DateTimeOffset(2026, 1, 1, 9, 30, 0, TimeSpan.Zero),
            Body = "LeadSync marketing touch\nSource: typeform",
        };

        var outcome = await sp.GetRequiredService<ICrmTouchWriter>().WriteAsync(lead, record, default);

        Assert.Empty(_probe.RequestViolations);
        Assert.Equal(201, Assert.Single(_probe.Statuses));
        Assert.True(outcome.Succeeded, outcome.Reason);
    }
}
