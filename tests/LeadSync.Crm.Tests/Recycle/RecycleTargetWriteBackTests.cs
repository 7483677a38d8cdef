using LeadSync.Core.Crm;
using LeadSync.Core.Leads;
using LeadSync.Core.Recycle;
using LeadSync.Core.Storage;
using LeadSync.Crm.Tests.Support;
using Moq;

namespace LeadSync.Crm.Tests.Recycle;

/// <summary>The recycle job hands each recycled lead to the nurture target set for its reason (else the tool's own list).</summary>
public sealed class RecycleTargetWriteBackTests
{
    [Fact]
    public async Task Recycled_leads_go_to_their_reasons_target_and_a_reason_without_one_to_the_default()
    {
        var crm = new Mock<ICrmGateway>();
        crm.SetupGet(c => c.Name).Returns("test");
        crm.SetupGet(c => c.MaxStateReadBatch).Returns(100);
        crm.Setup(c => c.ReadStatesAsync(It.IsAny<IReadOnlyList<Lead>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<Lead> leads, CancellationToken _) => [.. leads.Select(l => new CrmRecordState(l.Id, CrmFunnelStage.Missing))]);
        var options = new RecycleOptions { NoProgressWindow = TimeSpan.FromDays(14) };
        options.Targets["SlaMissed"] = "list-sla";
        var jobs = new JobHarness(crm.Object, options);
        foreach (var (n, reason) in new[] { (1, RecycleReasons.SlaMissed), (2, RecycleReasons.NoProgress) })
        {
            var draft = new LeadBuilder(n).Build() with
            {
                Status = LeadStatus.Recycled,
                RecycleReason = reason,
                RecycleCount = 1,
                ReceivedAt = jobs.Time.GetUtcNow(),
                StatusChangedAt = jobs.Time.GetUtcNow(),
            };
            var lead = (await jobs.Store.CreateAsync(new LeadChange(draft, []), default)).Lead;
            await jobs.DueIndex.ScheduleAsync(new DueItem(lead.Id, DueKind.Recycle, jobs.Time.GetUtcNow()), default);
        }

        await jobs.RecycleAsync();

        Assert.Equal(["no-progress → default", "sla-missed → list-sla"], jobs.NurtureTargets.Order(StringComparer.Ordinal));
    }
}
