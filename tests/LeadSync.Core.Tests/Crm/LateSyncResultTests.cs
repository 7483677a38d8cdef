using LeadSync.Core.Crm;
using LeadSync.Core.Leads;

namespace LeadSync.Core.Tests.Crm;

public sealed class LateSyncResultTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_upsert_answer_after_a_crm_event_adds_the_record_id_and_keeps_the_status()
    {
        var read = new LeadBuilder().WithStatus(LeadStatus.SalesReady).Build();
        var contacted = SalesActivity.Decide(read, new CrmTouch(read.Id, CrmLeadState.Contacted, Now, Owner: "rep-1"), Now, "hubspot")!.Lead;

        var change = LateSyncResult.Record(contacted, read, new CrmUpsertResult(read.Id, CrmOutcome.Success, "512", "77123"), Now.AddSeconds(1), "hubspot");

        Assert.NotNull(change);
        Assert.Equal(LeadStatus.Contacted, change.Lead.Status);
        Assert.Equal("512", change.Lead.CrmId);
        Assert.Equal("rep-1", change.Lead.Owner);
        Assert.Equal(LeadEvents.Synced, Assert.Single(change.Entries).Event);
    }

    [Fact]
    public void A_lead_that_moved_on_without_a_crm_event_is_left_alone()
    {
        var read = new LeadBuilder().WithStatus(LeadStatus.SalesReady).Build();
        var erased = read with { Status = LeadStatus.Disqualified, StatusChangedAt = Now };

        Assert.Null(LateSyncResult.Record(erased, read, new CrmUpsertResult(read.Id, CrmOutcome.Success, "512"), Now, "hubspot"));
    }

    [Fact]
    public void An_answer_already_recorded_is_not_recorded_twice()
    {
        var read = new LeadBuilder().WithStatus(LeadStatus.SalesReady).Build();
        var contacted = SalesActivity.Decide(read, new CrmTouch(read.Id, CrmLeadState.Contacted), Now, "hubspot")!.Lead with { CrmId = "512" };

        Assert.Null(LateSyncResult.Record(contacted, read, new CrmUpsertResult(read.Id, CrmOutcome.Success, "512"), Now, "hubspot"));
    }
}
