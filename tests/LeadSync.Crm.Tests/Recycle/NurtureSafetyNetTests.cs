using LeadSync.Core.Crm;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Crm.Tests.Support;
using Moq;

namespace LeadSync.Crm.Tests.Recycle;

/// <summary>
/// The recycle job is the safety net of the nurture hand-off: a not-sales-ready lead whose lead-nurture message was
/// lost is handed over by the recycle hint filed with it, once, and nothing is read from or written to the CRM.
/// </summary>
public sealed class NurtureSafetyNetTests
{
    [Fact]
    public async Task A_nurture_lead_whose_message_was_lost_is_handed_over_by_the_recycle_job_once()
    {
        var crm = new Mock<ICrmGateway>(MockBehavior.Strict);
        crm.SetupGet(c => c.Name).Returns("strict");
        crm.SetupGet(c => c.MaxStateReadBatch).Returns(100);
        var jobs = new JobHarness(crm.Object);
        var draft = new LeadBuilder(1).Build();
        var lead = (await jobs.Store.CreateAsync(new LeadChange(draft with { Status = LeadStatus.Nurture, ReceivedAt = jobs.Time.GetUtcNow() }, []), default)).Lead;
        await jobs.DueIndex.ScheduleAsync(new DueItem(lead.Id, DueKind.Recycle, jobs.Time.GetUtcNow().AddMinutes(2)), default);

        jobs.Time.Advance(TimeSpan.FromMinutes(3));
        var first = await jobs.RecycleAsync();
        await jobs.DueIndex.ScheduleAsync(new DueItem(lead.Id, DueKind.Recycle, jobs.Time.GetUtcNow()), default);
        var second = await jobs.RecycleAsync();

        Assert.Equal(1, first.Acted);
        Assert.Equal([lead.Id], jobs.NurturePushes);
        Assert.Contains(LeadEvents.NurturePushed, await jobs.EventsAsync(lead.Id));
        Assert.Equal(LeadStatus.Nurture, (await jobs.LeadAsync(lead.Id)).Status);
        Assert.Equal(0, second.Failed);
        crm.Verify(c => c.ReadStatesAsync(It.IsAny<IReadOnlyList<Lead>>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
