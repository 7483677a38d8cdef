using LeadSync.Core.Crm;
using LeadSync.Core.Leads;

namespace LeadSync.Core.Tests.Crm;

public sealed class SalesActivityTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_first_touch_on_a_synced_lead_records_when_sales_reached_it()
    {
        var lead = new LeadBuilder().WithStatus(LeadStatus.Synced).Build();
        var touchedAt = Now.AddMinutes(-7);

        var change = SalesActivity.Decide(lead, new CrmTouch(lead.Id, CrmLeadState.Contacted, touchedAt), Now, "sandbox");

        Assert.NotNull(change);
        Assert.Equal(LeadStatus.Contacted, change.Lead.Status);
        Assert.Equal(touchedAt, change.Lead.FirstTouchAt);
        Assert.Equal(LeadEvents.Contacted, Assert.Single(change.Entries).Event);
    }

    [Fact]
    public void A_touch_time_in_the_future_is_clamped_to_now()
    {
        var lead = new LeadBuilder().WithStatus(LeadStatus.Synced).Build();

        var change = SalesActivity.Decide(lead, new CrmTouch(lead.Id, CrmLeadState.Contacted, Now.AddHours(3)), Now, "sandbox");

        Assert.Equal(Now, change!.Lead.FirstTouchAt);
    }

    [Fact]
    public void An_untouched_lead_needs_no_change()
    {
        var lead = new LeadBuilder().WithStatus(LeadStatus.Synced).Build();

        Assert.Null(SalesActivity.Decide(lead, new CrmTouch(lead.Id, CrmLeadState.Untouched), Now, "sandbox"));
    }

    [Fact]
    public void Repeating_a_touch_the_lead_already_reflects_changes_nothing()
    {
        var lead = new LeadBuilder().WithStatus(LeadStatus.Contacted).Build();

        Assert.Null(SalesActivity.Decide(lead, new CrmTouch(lead.Id, CrmLeadState.Contacted), Now, "sandbox"));
    }

    [Fact]
    public void A_nurture_status_recycles_the_lead_with_a_reason()
    {
        var lead = new LeadBuilder().WithStatus(LeadStatus.Contacted).Build();

        var change = SalesActivity.Decide(lead, new CrmTouch(lead.Id, CrmLeadState.Nurture), Now, "sandbox");

        Assert.Equal(LeadStatus.Recycled, change!.Lead.Status);
        Assert.Equal(1, change.Lead.RecycleCount);
        Assert.Equal("crm-nurture-status", change.Lead.RecycleReason);
    }

    [Fact]
    public void A_conversion_reported_on_a_lead_that_was_never_marked_contacted_counts_as_its_first_touch()
    {
        var lead = new LeadBuilder().WithStatus(LeadStatus.Synced).Build();

        var change = SalesActivity.Decide(lead, new CrmTouch(lead.Id, CrmLeadState.Converted), Now, "sandbox");

        Assert.Equal(LeadStatus.Converted, change!.Lead.Status);
        Assert.Equal(Now, change.Lead.FirstTouchAt);
    }

    [Fact]
    public void Activity_on_a_lead_not_yet_in_the_crm_is_ignored()
    {
        var lead = new LeadBuilder().WithStatus(LeadStatus.SalesReady).Build();

        Assert.Null(SalesActivity.Decide(lead, new CrmTouch(lead.Id, CrmLeadState.Contacted), Now, "sandbox"));
    }
}
