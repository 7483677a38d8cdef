using LeadSync.Core.Leads;
using LeadSync.Crm.Tests.Support;
using LeadSync.Testing.Crm;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Crm.Tests.NeverBackwards;

/// <summary>The "never backwards" contract against the HubSpot stub (hs_lead_status, lifecyclestage, num_associated_deals, hubspot_owner_id).</summary>
public sealed class HubSpotNeverBackwardsTests : NeverBackwardsContract
{
    private HubSpotSimulator _stub = null!;

    protected override string SalesNurtureStatus => "SALES_NURTURE";

    protected override string ReassignOwner => "90001";

    protected override string SalesOwner => "90002";

    protected override async Task StartSimulatorAsync() => _stub = await HubSpotSimulator.StartAsync();

    protected override ValueTask StopSimulatorAsync() => _stub.DisposeAsync();

    protected override ServiceProvider Services(string nurtureStatus, string reassignOwner)
    {
        var settings = CrmServices.FastResilience("LeadSync:Crm:HubSpot");
        settings["LeadSync:Crm:Provider"] = "hubspot";
        settings["LeadSync:Crm:HubSpot:BaseUrl"] = _stub.BaseUri.ToString();
        settings["LeadSync:Crm:HubSpot:AccessToken"] = "pat-test";
        settings["LeadSync:Crm:HubSpot:NurtureStatuses:0"] = nurtureStatus;
        settings["LeadSync:Crm:HubSpot:Reassign:default:Owners:0"] = reassignOwner;
        return CrmServices.Build(settings);
    }

    /// <summary>Sales opens a deal with the contact: HubSpot counts it in <c>num_associated_deals</c> and moves the lifecycle stage.</summary>
    protected override void Convert(Lead lead)
    {
        _stub.SetProperty(lead.Contact.Email!, "num_associated_deals", "1");
        _stub.SetProperty(lead.Contact.Email!, "lifecyclestage", "opportunity");
    }

    protected override void Disqualify(Lead lead) => _stub.SetProperty(lead.Contact.Email!, "hs_lead_status", "UNQUALIFIED");

    protected override void SetSalesNurtureStatus(Lead lead) => _stub.SetProperty(lead.Contact.Email!, "hs_lead_status", SalesNurtureStatus);

    protected override void ChangeOwner(Lead lead, string owner) => _stub.SetProperty(lead.Contact.Email!, "hubspot_owner_id", owner);

    protected override string? StatusOf(Lead lead) => _stub.PropertyOf(lead.Contact.Email!, "hs_lead_status");

    protected override string? OwnerOf(Lead lead) => _stub.PropertyOf(lead.Contact.Email!, "hubspot_owner_id");

    protected override int WritesTo(Lead lead) => _stub.Contacts[lead.Contact.Email!].Updates;

    [Fact]
    public async Task A_new_submission_never_resets_a_status_sales_set_but_a_new_contact_gets_the_new_lead_status()
    {
        await using var sp = Services(SalesNurtureStatus, ReassignOwner);
        var gateway = sp.Gateway();
        var worked = new LeadBuilder(8).Build();
        var won = new LeadBuilder(9).Build();
        var back = new LeadBuilder(10).Build();
        Assert.All(await gateway.UpsertAsync([worked, won, back], default), r => Assert.True(r.Outcome.Succeeded, r.Outcome.Reason));
        _stub.SetProperty(worked.Contact.Email!, "hs_lead_status", "IN_PROGRESS");
        _stub.SetProperty(won.Contact.Email!, "hs_lead_status", "OPEN_DEAL");
        _stub.SetProperty(back.Contact.Email!, "hs_lead_status", "BAD_TIMING");
        var fresh = new LeadBuilder(11).Build();

        var results = await gateway.UpsertAsync([worked, won, back, fresh], default);

        Assert.All(results, r => Assert.True(r.Outcome.Succeeded, r.Outcome.Reason));
        Assert.Equal("IN_PROGRESS", StatusOf(worked));
        Assert.Equal("OPEN_DEAL", StatusOf(won));
        Assert.Equal("NEW", StatusOf(back));
        Assert.Equal("NEW", StatusOf(fresh));
        Assert.Equal([3, 4], _stub.ReadSizes);
    }

    [Fact]
    public async Task When_the_status_read_fails_the_upsert_still_goes_and_leaves_the_status_alone()
    {
        await using var sp = Services(SalesNurtureStatus, ReassignOwner);
        var gateway = sp.Gateway();
        var worked = new LeadBuilder(12).Build();
        await gateway.UpsertAsync([worked], default);
        _stub.SetProperty(worked.Contact.Email!, "hs_lead_status", "CONNECTED");
        _stub.ReadFaults.Outage = true;

        var result = (await gateway.UpsertAsync([worked with { Contact = worked.Contact with { Company = "Difference Engines" } }], default)).Single();

        Assert.True(result.Outcome.Succeeded, result.Outcome.Reason);
        Assert.Equal("CONNECTED", StatusOf(worked));
        Assert.Equal("Difference Engines", _stub.PropertyOf(worked.Contact.Email!, "company"));
    }

    protected override void Outage(bool on)
    {
        _stub.Faults.Outage = on;
        _stub.ReadFaults.Outage = on;
    }
}
