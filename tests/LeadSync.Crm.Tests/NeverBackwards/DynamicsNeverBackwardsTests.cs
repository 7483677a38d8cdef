using System.Globalization;
using Azure.Core;
using LeadSync.Core.Leads;
using LeadSync.Crm.Tests.Dynamics;
using LeadSync.Crm.Tests.Support;
using LeadSync.Infrastructure.Crm;
using Microsoft.Extensions.DependencyInjection;
using LeadSync.Testing.Crm;

namespace LeadSync.Crm.Tests.NeverBackwards;

/// <summary>The "never backwards" contract against the Dataverse simulator (statecode/statuscode, ownerid).</summary>
public sealed class DynamicsNeverBackwardsTests : NeverBackwardsContract
{
    private const int SalesNurtureStatusCode = 5;
    private DynamicsSimulator _sim = null!;

    protected override string SalesNurtureStatus => $"2/{SalesNurtureStatusCode}";

    protected override string ReassignOwner => DynamicsSimulator.Users[0].ToString("D");

    protected override string SalesOwner => DynamicsSimulator.Users[1].ToString("D");

    protected override async Task StartSimulatorAsync() => _sim = await DynamicsSimulator.StartAsync();

    protected override ValueTask StopSimulatorAsync() => _sim.DisposeAsync();

    protected override ServiceProvider Services(string nurtureStatus, string reassignOwner)
    {
        var settings = CrmServices.FastResilience("LeadSync:Crm:Dynamics");
        settings["LeadSync:Crm:Provider"] = "dynamics";
        settings["LeadSync:Crm:Dynamics:OrganizationUrl"] = _sim.BaseUri.ToString();
        settings["LeadSync:Crm:Dynamics:TenantId"] = "00000000-0000-0000-0000-00000000cafe";
        settings["LeadSync:Crm:Dynamics:ClientId"] = "00000000-0000-0000-0000-0000000000a1";
        settings["LeadSync:Crm:Dynamics:ClientSecret"] = "secret";
        settings["LeadSync:Crm:Dynamics:NurtureStatusCodes:0"] = SalesNurtureStatusCode.ToString(CultureInfo.InvariantCulture);
        settings["LeadSync:Crm:Dynamics:Reassign:default:Owners:0"] = reassignOwner;
        var credential = new FakeTokenCredential(_sim, TimeSpan.FromHours(1));
        return CrmServices.Build(settings, s => s.AddKeyedSingleton<TokenCredential>(CrmProvider.Dynamics, credential));
    }

    /// <summary>Qualified (statecode 1, statuscode 3): Dataverse made an opportunity from the lead.</summary>
    protected override void Convert(Lead lead) => _sim.SetState(lead.Id, 1, 3);

    protected override void Disqualify(Lead lead) => _sim.SetState(lead.Id, 2, 4);

    protected override void SetSalesNurtureStatus(Lead lead) => _sim.SetState(lead.Id, 2, SalesNurtureStatusCode);

    protected override void ChangeOwner(Lead lead, string owner) => _sim.Leads[lead.Id].OwnerId = Guid.Parse(owner);

    protected override string? StatusOf(Lead lead) => $"{_sim.Leads[lead.Id].StateCode}/{_sim.Leads[lead.Id].StatusCode}";

    protected override string? OwnerOf(Lead lead) => _sim.Leads[lead.Id].OwnerId.ToString("D");

    protected override int WritesTo(Lead lead) => _sim.Leads[lead.Id].Updates;

    protected override void Outage(bool on) => _sim.Faults.Outage = on;
}
