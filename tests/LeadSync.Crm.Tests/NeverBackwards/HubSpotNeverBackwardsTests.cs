using LeadSync.Core.Leads;
using LeadSync.Crm.Tests.Support;
using LeadSync.Testing.Crm;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Crm.Tests.NeverBackwards;

/// <summary>The "never backwards" contract against the HubSpot stub (hs_lead_status, lifecyclestage, num_associated_deals, hubspot_owner_id).</summary>
public sealed class HubSpotNeverBackwardsTests : NeverBackwardsContract
{
    private HubSpotStub _stub = null!;

    protected override string SalesNurtureStatus => "SALES_NURTURE";

    protected override string ReassignOwner => "90001";

    protected override string SalesOwner => "90002";

    protected override async Task StartSimulatorAsync() => _stub = await HubSpotStub.StartAsync();

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

    protected override void Outage(bool on)
    {
        _stub.Faults.Outage = on;
        _stub.ReadFaults.Outage = on;
    }
}
