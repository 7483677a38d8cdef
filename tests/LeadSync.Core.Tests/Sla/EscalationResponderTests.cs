using LeadSync.Core.Crm;
using LeadSync.Core.Leads;
using LeadSync.Core.Notifications;
using LeadSync.Core.People;
using LeadSync.Core.Routing;
using LeadSync.Core.Sla;
using LeadSync.Core.Storage;
using LeadSync.Core.Tests.Routing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadSync.Core.Tests.Sla;

/// <summary>Reassign and snooze from a button or link: nothing happens for a wrong cycle, an unknown notice or a closed lead.</summary>
public sealed class EscalationResponderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private readonly Mock<INoticeStore> _notices = new();
    private readonly Mock<ILeadStore> _leads = new();
    private readonly Mock<ICrmGateway> _crm = new();

    private EscalationResponder Responder()
    {
        var time = new FakeTimeProvider(Now);
        var mutator = new LeadMutator(_leads.Object);
        var acknowledger = new EscalationAcknowledger(_notices.Object, mutator, Mock.Of<IDueIndex>(), Mock.Of<ISlaPolicy>(),
            Mock.Of<IOptionsMonitor<SlaOptions>>(m => m.CurrentValue == new SlaOptions()), time, NullLogger<EscalationAcknowledger>.Instance);
        var policy = Mock.Of<ISlaPolicy>(p => p.PolicyName(It.IsAny<Lead>()) == "default");
        var reassigner = new LeadReassigner(_crm.Object, policy, TestLeadRouting.Create(_leads.Object, time, new PeopleOptions(), new RoutingOptions(), new InMemoryRoutingLedger()), mutator);
        return new EscalationResponder(acknowledger, _notices.Object, _leads.Object, mutator, Mock.Of<IDueIndex>(), policy,
            reassigner, Mock.Of<IOptionsMonitor<NotificationOptions>>(m => m.CurrentValue == new NotificationOptions()), time, NullLogger<EscalationResponder>.Instance);
    }

    private void Notice(int cycle) => _notices.Setup(n => n.GetAsync("ld_abc", 1, It.IsAny<CancellationToken>())).ReturnsAsync(new EscalationNotice
    {
        LeadId = "ld_abc",
        Level = 1,
        Recipient = "owner",
        RaisedAt = Now.AddHours(-1),
        DeadlineAt = Now.AddHours(-2),
        Cycle = cycle,
    });

    [Theory]
    [InlineData(EscalationResponseActions.Reassign)]
    [InlineData(EscalationResponseActions.Snooze)]
    public async Task An_action_from_an_earlier_cycle_changes_nothing(string action)
    {
        Notice(cycle: 2);

        var result = await Responder().RespondAsync("ld_abc.1", cycle: 1, action, "dana", CancellationToken.None);

        Assert.Equal(EscalationResponseStatus.Superseded, result.Status);
        _leads.VerifyNoOtherCalls();
        _crm.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("ld_abc.9")]
    [InlineData("nonsense")]
    public async Task An_unknown_notice_changes_nothing(string noticeId)
    {
        var result = await Responder().RespondAsync(noticeId, cycle: 0, EscalationResponseActions.Snooze, "dana", CancellationToken.None);

        Assert.Equal(EscalationResponseStatus.UnknownNotice, result.Status);
        _leads.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Reassigning_a_lead_sales_already_closed_does_not_ask_the_crm()
    {
        Notice(cycle: 0);
        _leads.Setup(l => l.GetAsync("ld_abc", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LeadBuilder().WithStatus(LeadStatus.Converted).With(l => l with { Id = "ld_abc" }).Build());

        var result = await Responder().RespondAsync("ld_abc.1", cycle: 0, EscalationResponseActions.Reassign, "dana", CancellationToken.None);

        Assert.Equal(EscalationResponseStatus.NotOpen, result.Status);
        _crm.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Acknowledge_goes_through_the_acknowledger_with_the_proven_person()
    {
        Notice(cycle: 0);
        _notices.Setup(n => n.UpdateAsync(It.IsAny<EscalationNotice>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await Responder().RespondAsync("ld_abc.1", cycle: 0, EscalationResponseActions.Acknowledge, "mia (Slack U0MIA)", CancellationToken.None);

        Assert.Equal(EscalationResponseStatus.Done, result.Status);
        Assert.StartsWith("Acknowledged by mia (Slack U0MIA)", result.Detail, StringComparison.Ordinal);
        _notices.Verify(n => n.UpdateAsync(It.Is<EscalationNotice>(x => x.AcknowledgedBy == "mia (Slack U0MIA)"), It.IsAny<CancellationToken>()), Times.Once);
    }
}
