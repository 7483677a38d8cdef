using LeadSync.Core.Leads;
using LeadSync.Crm.Tests.Salesforce;
using LeadSync.Crm.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using LeadSync.Testing.Crm;

namespace LeadSync.Crm.Tests.NeverBackwards;

/// <summary>The "never backwards" contract against the Salesforce simulator (Lead Status, IsConverted, ConvertedOpportunityId, OwnerId).</summary>
public sealed class SalesforceNeverBackwardsTests : NeverBackwardsContract
{
    private SalesforceSimulator _sim = null!;

    protected override string SalesNurtureStatus => "Nurture - Sales";

    protected override string ReassignOwner => SalesforceSimulator.Users[0];

    protected override string SalesOwner => SalesforceSimulator.Users[1];

    protected override async Task StartSimulatorAsync() => _sim = await SalesforceSimulator.StartAsync();

    protected override ValueTask StopSimulatorAsync() => _sim.DisposeAsync();

    protected override ServiceProvider Services(string nurtureStatus, string reassignOwner)
    {
        var settings = CrmServices.FastResilience("LeadSync:Crm:Salesforce");
        settings["LeadSync:Crm:Provider"] = "salesforce";
        settings["LeadSync:Crm:Salesforce:MyDomainUrl"] = _sim.BaseUri.ToString();
        settings["LeadSync:Crm:Salesforce:ClientId"] = SalesforceSimulator.ClientId;
        settings["LeadSync:Crm:Salesforce:ClientSecret"] = SalesforceSimulator.ClientSecret;
        settings["LeadSync:Crm:Salesforce:NurtureStatuses:0"] = nurtureStatus;
        settings["LeadSync:Crm:Salesforce:Reassign:default:Owners:0"] = reassignOwner;
        return CrmServices.Build(settings);
    }

    protected override void Convert(Lead lead)
    {
        _sim.SetStatus(lead.Id, "Closed - Converted", converted: true);
        _sim.Leads[lead.Id].Fields["ConvertedOpportunityId"] = "006000000000001AAA";
    }

    protected override void Disqualify(Lead lead) => _sim.SetStatus(lead.Id, "Closed - Not Converted");

    protected override void SetSalesNurtureStatus(Lead lead) => _sim.SetStatus(lead.Id, SalesNurtureStatus);

    protected override void ChangeOwner(Lead lead, string owner) => _sim.Leads[lead.Id].OwnerId = owner;

    protected override string? StatusOf(Lead lead) => _sim.Leads[lead.Id].Fields["Status"];

    protected override string? OwnerOf(Lead lead) => _sim.Leads[lead.Id].OwnerId;

    protected override int WritesTo(Lead lead) => _sim.Leads[lead.Id].Updates;

    protected override void Outage(bool on) => _sim.Faults.Outage = on;
}
