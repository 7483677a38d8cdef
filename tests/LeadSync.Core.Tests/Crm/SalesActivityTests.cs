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

    [Theory]
    [InlineData(CrmLeadState.Contacted, LeadStatus.Contacted)]
    [InlineData(CrmLeadState.Converted, LeadStatus.Converted)]
    [InlineData(CrmLeadState.Disqualified, LeadStatus.Disqualified)]
    [InlineData(CrmLeadState.Nurture, LeadStatus.Recycled)]
    public void Activity_reported_before_the_sync_is_recorded_is_applied_and_records_the_sync(CrmLeadState state, LeadStatus expected)
    {
        // The CRM answered the upsert and sales acted before LeadSync wrote Synced: the CRM holds the lead.
        var lead = new LeadBuilder().WithStatus(LeadStatus.SalesReady).Build();

        var change = SalesActivity.Decide(lead, new CrmTouch(lead.Id, state, Now.AddSeconds(-1), Owner: "rep-7"), Now, "hubspot");

        Assert.NotNull(change);
        Assert.Equal(expected, change.Lead.Status);
        Assert.Equal(Now, change.Lead.SyncedAt);
        Assert.Equal("rep-7", change.Lead.Owner);
        Assert.Equal(LeadEvents.Synced, change.Entries[0].Event);
        Assert.Contains("implicitly", change.Entries[0].Detail, StringComparison.Ordinal);
        Assert.Equal(LeadLifecycle.EventFor(expected), change.Entries[^1].Event);
    }

    [Fact]
    public void A_conversion_reported_after_leadsync_recycled_the_lead_is_applied()
    {
        var lead = new LeadBuilder().WithStatus(LeadStatus.Recycled).Build();

        var change = SalesActivity.Decide(lead, new CrmTouch(lead.Id, CrmLeadState.Converted), Now, "salesforce");

        Assert.Equal(LeadStatus.Converted, change!.Lead.Status);
    }

    [Fact]
    public void Activity_on_a_closed_lead_is_still_ignored()
    {
        var lead = new LeadBuilder().WithStatus(LeadStatus.Converted).Build();

        Assert.Null(SalesActivity.Decide(lead, new CrmTouch(lead.Id, CrmLeadState.Contacted), Now, "sandbox"));
        Assert.Null(SalesActivity.Decide(lead with { Status = LeadStatus.Received }, new CrmTouch(lead.Id, CrmLeadState.Contacted), Now, "sandbox"));
    }
}
