using LeadSync.Core.Crm;
using LeadSync.Core.Leads;
using LeadSync.Core.People;
using LeadSync.Core.Routing;
using LeadSync.Core.Sla;
using LeadSync.Core.Tests.Intake;
using LeadSync.Core.Tests.Routing;
using LeadSync.Core.Tests.Sla.Policies;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadSync.Core.Tests.Sla;

/// <summary>
/// One reassignment for the ladder's <c>reassign</c> rung and a recipient's Reassign answer: a routed lead goes to
/// another available rep of its team by the round-robin; an unrouted lead to the CRM pool; the asker is on the timeline.
/// </summary>
public sealed class LeadReassignerTests
{
    private static readonly DateTimeOffset MondayNoon = EmeaTeam.MondayNoon;
    private readonly FakeTimeProvider _time = new(MondayNoon);
    private readonly InMemoryLeadStore _store = new();
    private readonly InMemoryRoutingLedger _ledger = new();
    private readonly Mock<ICrmGateway> _crm = new();
    private readonly PeopleOptions _people = EmeaTeam.People();
    private readonly RoutingOptions _routing = new();

    public LeadReassignerTests()
    {
        _people.People["fay@acme.com"].OutOfOffice.Add(new OutOfOfficeOptions { From = MondayNoon.AddDays(-1), To = MondayNoon.AddDays(3), Note = "leave" });
        _crm.SetupGet(c => c.Name).Returns("salesforce");
        _crm.Setup(c => c.AssignOwnerAsync(It.IsAny<Lead>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Lead _, string owner, CancellationToken _) => new CrmReassignment(CrmOutcome.Success, owner));
        _crm.Setup(c => c.ReassignAsync(It.IsAny<Lead>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CrmReassignment(CrmOutcome.Success, "pool-owner"));
    }

    private LeadReassigner Create() => new(_crm.Object, new RoundTheClockSlaPolicy(new FixedOptionsMonitor<SlaOptions>(new SlaOptions())),
        TestLeadRouting.Create(_store, _time, _people, _routing, _ledger), new LeadMutator(_store, _time));

    private void RouteInbound() => _routing.Policies.Add(new RoutingPolicyOptions { Name = "inbound", Mode = RoutingModes.Route, DefaultTeam = "emea" });

    private async Task<Lead> StoredLead(string owner)
    {
        var lead = new LeadBuilder().WithStatus(LeadStatus.Synced)
            .With(l => l with { Id = LeadIdFactory.FromDelivery("generic", Guid.NewGuid().ToString()), Owner = owner, CrmId = "00Q1" })
            .Build();
        return (await _store.CreateAsync(new LeadChange(lead, []), CancellationToken.None)).Lead;
    }

    [Fact]
    public async Task A_recipients_reassign_of_a_routed_lead_picks_an_available_teammate_through_routing_not_the_crm_pool()
    {
        RouteInbound();
        var lead = await StoredLead("005A");

        var result = await Create().ReassignAsync(lead, 1, "mia (Slack U0MIA)", MondayNoon, CancellationToken.None);

        Assert.True(result.Outcome.Succeeded);
        Assert.Equal("005B", result.NewOwner); // Dana (current owner) left out, Fay out of office
        _crm.Verify(c => c.AssignOwnerAsync(It.Is<Lead>(l => l.Id == lead.Id), "005B", It.IsAny<CancellationToken>()), Times.Once);
        _crm.Verify(c => c.ReassignAsync(It.IsAny<Lead>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        var stored = await _store.GetAsync(lead.Id, CancellationToken.None);
        Assert.Equal("005B", stored!.Owner);
        var entry = (await _store.GetTimelineAsync(lead.Id, CancellationToken.None)).Single(e => e.Event == LeadEvents.Reassigned);
        Assert.Equal("mia (Slack U0MIA)", entry.Actor);
        Assert.StartsWith("Level 1: reassigned by mia (Slack U0MIA) from 005A to 005B. ", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_twice_for_the_same_level_moves_the_lead_once()
    {
        RouteInbound();
        var lead = await StoredLead("005A");
        var reassigner = Create();

        var first = await reassigner.ReassignAsync(lead, 1, "mia", MondayNoon, CancellationToken.None);
        var again = await reassigner.ReassignAsync((await _store.GetAsync(lead.Id, CancellationToken.None))!, 1, "mia", MondayNoon, CancellationToken.None);

        Assert.Equal(first.NewOwner, again.NewOwner);
    }

    [Fact]
    public async Task The_ladder_and_a_recipient_at_the_same_level_are_separate_decisions()
    {
        RouteInbound();
        var lead = await StoredLead("005A");
        var reassigner = Create();

        var byLadder = await reassigner.ReassignAsync(lead, 2, by: null, MondayNoon, CancellationToken.None);
        var byRecipient = await reassigner.ReassignAsync((await _store.GetAsync(lead.Id, CancellationToken.None))!, 2, "mia", MondayNoon, CancellationToken.None);

        Assert.Equal("005B", byLadder.NewOwner);
        Assert.Equal("005A", byRecipient.NewOwner); // 005B now owns it and is left out; Fay is away
        var actors = (await _store.GetTimelineAsync(lead.Id, CancellationToken.None)).Where(e => e.Event == LeadEvents.Reassigned).Select(e => e.Actor);
        Assert.Equal(["salesforce", "mia"], actors);
    }

    [Fact]
    public async Task An_unrouted_lead_is_reassigned_from_the_tiers_crm_pool()
    {
        var lead = await StoredLead("005A");

        var result = await Create().ReassignAsync(lead, 1, "mia", MondayNoon, CancellationToken.None);

        Assert.Equal("pool-owner", result.NewOwner);
        _crm.Verify(c => c.ReassignAsync(It.Is<Lead>(l => l.Id == lead.Id), "default", It.IsAny<CancellationToken>()), Times.Once);
        _crm.Verify(c => c.AssignOwnerAsync(It.IsAny<Lead>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        var entry = (await _store.GetTimelineAsync(lead.Id, CancellationToken.None)).Single(e => e.Event == LeadEvents.Reassigned);
        Assert.Equal("Level 1: reassigned by mia from 005A to pool-owner. The CRM picked from pool default.", entry.Detail);
    }

    [Fact]
    public async Task A_refusal_is_recorded_with_who_asked_and_the_owner_stays()
    {
        _crm.Setup(c => c.ReassignAsync(It.IsAny<Lead>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CrmReassignment(new CrmOutcome(CrmOutcomeKind.Permanent, "no such queue")));
        var lead = await StoredLead("005A");

        var result = await Create().ReassignAsync(lead, 1, "mia", MondayNoon, CancellationToken.None);

        Assert.False(result.Outcome.Succeeded);
        Assert.Equal("005A", (await _store.GetAsync(lead.Id, CancellationToken.None))!.Owner);
        var entry = (await _store.GetTimelineAsync(lead.Id, CancellationToken.None)).Single(e => e.Event == LeadEvents.ReassignFailed);
        Assert.StartsWith("Level 1: mia asked to reassign; the CRM did not reassign (", entry.Detail, StringComparison.Ordinal);
    }
}
