using LeadSync.Core.Crm;
using LeadSync.Core.Leads;
using LeadSync.Core.Sla;
using LeadSync.Core.Storage;
using LeadSync.Crm.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Crm.Tests.NeverBackwards;

/// <summary>
/// README "Never backwards" and "Degrade, don't halt", shown against each CRM simulator on a fake clock: the recycle job
/// and the SLA sweep run with the real adapter; sales' actions are made in the simulator as a rep would make them.
/// </summary>
public abstract class NeverBackwardsContract : IAsyncLifetime
{
    private ServiceProvider? _services;

    /// <summary>The provider's settings; <paramref name="nurtureStatus"/> is configured as one of sales' own nurture statuses.</summary>
    protected abstract ServiceProvider Services(string nurtureStatus, string reassignOwner);

    protected abstract Task StartSimulatorAsync();

    protected abstract ValueTask StopSimulatorAsync();

    /// <summary>A status value of sales' own that the settings list as a nurture status.</summary>
    protected abstract string SalesNurtureStatus { get; }

    /// <summary>An owner id the simulator knows, that a reassign level would hand the lead to.</summary>
    protected abstract string ReassignOwner { get; }

    /// <summary>Another owner id the simulator knows, that sales moves the lead to.</summary>
    protected abstract string SalesOwner { get; }

    protected abstract void Convert(Lead lead);

    protected abstract void Disqualify(Lead lead);

    protected abstract void SetSalesNurtureStatus(Lead lead);

    protected abstract void ChangeOwner(Lead lead, string owner);

    /// <summary>The record's status as the CRM shows it (for comparison before and after).</summary>
    protected abstract string? StatusOf(Lead lead);

    protected abstract string? OwnerOf(Lead lead);

    /// <summary>Writes the CRM received for the record after it was created (updates of any kind).</summary>
    protected abstract int WritesTo(Lead lead);

    protected abstract void Outage(bool on);

    public Task InitializeAsync() => StartSimulatorAsync();

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await StopSimulatorAsync();
    }

    private JobHarness Harness(SlaOptions? sla = null)
    {
        _services = Services(SalesNurtureStatus, ReassignOwner);
        return new JobHarness(_services.Gateway(), sla: sla);
    }

    [Fact]
    public async Task Converted_and_disqualified_leads_are_never_recycled_and_nothing_is_written_back()
    {
        var jobs = Harness();
        var converted = await jobs.SyncedAsync(new LeadBuilder(1).Build());
        var disqualified = await jobs.SyncedAsync(new LeadBuilder(2).Build());
        var idle = await jobs.SyncedAsync(new LeadBuilder(3).Build());
        Convert(converted);
        Disqualify(disqualified);
        var before = (StatusOf(converted), StatusOf(disqualified), WritesTo(converted), WritesTo(disqualified));

        jobs.Time.Advance(TimeSpan.FromDays(15));
        var report = await jobs.RecycleAsync();
        jobs.Time.Advance(TimeSpan.FromDays(20));
        await jobs.RecycleAsync();

        Assert.Null(report.CrmUnavailable);
        Assert.Equal(LeadStatus.Converted, (await jobs.LeadAsync(converted.Id)).Status);
        Assert.Equal(LeadStatus.Disqualified, (await jobs.LeadAsync(disqualified.Id)).Status);
        Assert.Contains(LeadEvents.RecycleSkipped, await jobs.EventsAsync(converted.Id));
        Assert.DoesNotContain(LeadEvents.Recycled, await jobs.EventsAsync(converted.Id));
        Assert.DoesNotContain(LeadEvents.Recycled, await jobs.EventsAsync(disqualified.Id));
        Assert.Equal(before, (StatusOf(converted), StatusOf(disqualified), WritesTo(converted), WritesTo(disqualified)));
        Assert.DoesNotContain(converted.Id, jobs.NurturePushes);
        Assert.DoesNotContain(disqualified.Id, jobs.NurturePushes);

        // The job did run: the lead sales never worked went back to nurture, and the CRM was told.
        Assert.Equal(LeadStatus.Recycled, (await jobs.LeadAsync(idle.Id)).Status);
        Assert.Contains(idle.Id, jobs.NurturePushes);
        Assert.Equal(1, WritesTo(idle));
    }

    [Fact]
    public async Task A_nurture_status_set_by_sales_is_kept_when_the_lead_is_recycled()
    {
        var jobs = Harness();
        var nurtured = await jobs.SyncedAsync(new LeadBuilder(4).Build());
        SetSalesNurtureStatus(nurtured);
        var writesBefore = WritesTo(nurtured);

        jobs.Time.Advance(TimeSpan.FromDays(15));
        await jobs.RecycleAsync();

        // LeadSync hands the lead to nurture, but the CRM already shows sales' own nurture value: it is not replaced.
        var lead = await jobs.LeadAsync(nurtured.Id);
        Assert.Equal(LeadStatus.Recycled, lead.Status);
        Assert.NotNull(lead.NurturePushedAt);
        Assert.Equal(SalesNurtureStatus, StatusOf(nurtured));
        Assert.Equal(writesBefore, WritesTo(nurtured));
        var pushed = Assert.Single(await jobs.Store.GetTimelineAsync(nurtured.Id, default), e => e.Event == LeadEvents.NurturePushed);
        Assert.Contains("status left as", pushed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_owner_sales_changed_is_never_overwritten_by_a_reassign_level()
    {
        var sla = new SlaOptions { Levels = { new() { After = TimeSpan.Zero, Recipient = "manager", Action = EscalationActions.Reassign } } };
        var jobs = Harness(sla);
        var lead = await jobs.SyncedAsync(new LeadBuilder(6).Build());
        ChangeOwner(lead, SalesOwner);
        var writes = WritesTo(lead);

        jobs.Time.Advance(TimeSpan.FromHours(2));
        await jobs.SweepAsync();

        var after = await jobs.LeadAsync(lead.Id);
        Assert.Equal(1, after.EscalationLevel);
        Assert.Equal(SalesOwner, OwnerOf(lead), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(SalesOwner, after.Owner, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(writes, WritesTo(lead));
        Assert.Contains(LeadEvents.ReassignSkipped, await jobs.EventsAsync(lead.Id));
    }

    [Fact]
    public async Task With_the_crm_down_the_sweep_escalates_with_a_note_and_recycling_waits()
    {
        var jobs = Harness();
        var lead = await jobs.SyncedAsync(new LeadBuilder(7).Build());
        Outage(true);

        jobs.Time.Advance(TimeSpan.FromHours(2));
        var sweep = await jobs.SweepAsync();

        Assert.NotNull(sweep.CrmUnavailable);
        Assert.NotNull(sweep.CrmRetryAfter);
        var escalated = await jobs.LeadAsync(lead.Id);
        Assert.Equal(1, escalated.EscalationLevel);
        Assert.Single(jobs.Enqueued);
        var entry = Assert.Single(await jobs.Store.GetTimelineAsync(lead.Id, default), e => e.Event == LeadEvents.Escalated);
        Assert.Contains("could not be checked", entry.Detail, StringComparison.Ordinal);

        jobs.Time.Advance(TimeSpan.FromDays(15));
        var writes = WritesTo(lead);
        var recycle = await jobs.RecycleAsync();

        Assert.NotNull(recycle.CrmUnavailable);
        Assert.Equal(1, recycle.Deferred);
        Assert.Equal(LeadStatus.Synced, (await jobs.LeadAsync(lead.Id)).Status);
        Assert.Empty(jobs.NurturePushes);
        Assert.Contains(jobs.DueIndex.All(DueKind.Recycle), h => h.LeadId == lead.Id && h.DueAt > jobs.Time.GetUtcNow());

        // When the CRM answers again, the deferred check runs and the lead is recycled (and the CRM told once).
        Outage(false);
        jobs.Time.Advance(TimeSpan.FromHours(1));
        var later = await jobs.RecycleAsync();
        Assert.Null(later.CrmUnavailable);
        Assert.Equal(LeadStatus.Recycled, (await jobs.LeadAsync(lead.Id)).Status);
        Assert.Equal(writes + 1, WritesTo(lead));
    }
}
