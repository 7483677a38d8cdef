using LeadSync.Core.Leads;
using LeadSync.Core.Notifications;
using LeadSync.Core.Sla;
using LeadSync.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadSync.Core.Tests.Sla;

public sealed class EscalationAcknowledgerCycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private readonly Mock<INoticeStore> _notices = new();
    private readonly Mock<ILeadStore> _leads = new();

    private EscalationAcknowledger Acknowledger() => new(
        _notices.Object, new LeadMutator(_leads.Object), Mock.Of<IDueIndex>(), Mock.Of<ISlaPolicy>(),
        Mock.Of<IOptionsMonitor<SlaOptions>>(m => m.CurrentValue == new SlaOptions()), new FakeTimeProvider(Now), NullLogger<EscalationAcknowledger>.Instance);

    private void NoticeOfCycle(int cycle) => _notices.Setup(n => n.GetAsync("ld_abc", 1, It.IsAny<CancellationToken>())).ReturnsAsync(new EscalationNotice
    {
        LeadId = "ld_abc",
        Level = 1,
        Recipient = "owner",
        RaisedAt = Now.AddHours(-1),
        DeadlineAt = Now.AddHours(-2),
        Cycle = cycle,
    });

    [Fact]
    public async Task A_link_from_cycle_0_does_not_acknowledge_the_escalation_of_a_later_cycle()
    {
        NoticeOfCycle(1);

        var result = await Acknowledger().AcknowledgeAsync("ld_abc.1", cycle: 0, "mallory", CancellationToken.None);

        Assert.Equal(AckStatus.Superseded, result.Status);
        _notices.Verify(n => n.UpdateAsync(It.IsAny<EscalationNotice>(), It.IsAny<CancellationToken>()), Times.Never);
        _leads.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_link_of_the_current_cycle_acknowledges_it()
    {
        NoticeOfCycle(1);
        _notices.Setup(n => n.UpdateAsync(It.IsAny<EscalationNotice>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await Acknowledger().AcknowledgeAsync("ld_abc.1", cycle: 1, "ana", CancellationToken.None);

        Assert.Equal(AckStatus.Acknowledged, result.Status);
        _notices.Verify(n => n.UpdateAsync(It.Is<EscalationNotice>(x => x.AcknowledgedBy == "ana" && x.Cycle == 1), It.IsAny<CancellationToken>()), Times.Once);
    }
}
