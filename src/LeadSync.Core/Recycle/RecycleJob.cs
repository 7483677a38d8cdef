using LeadSync.Core.Crm;
using LeadSync.Core.Jobs;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadSync.Core.Recycle;

/// <summary>
/// Sends leads that sales did not progress back to marketing nurture, with a reason, and tells the marketing tool
/// and the CRM. Reads only due recycle hints; idempotent and safe to run concurrently.
/// </summary>
public sealed partial class RecycleJob(
    IDueIndex dueIndex,
    ILeadStore store,
    LeadMutator mutator,
    ICrmGateway crm,
    INurtureTarget nurture,
    IOptionsMonitor<RecycleOptions> options,
    TimeProvider timeProvider,
    ILogger<RecycleJob> logger)
{
    public const string NoProgressReason = "no-progress";
    private static readonly TimeSpan WriteBackRetry = TimeSpan.FromMinutes(10);

    public async Task<JobReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var window = options.CurrentValue.NoProgressWindow;
        var due = await dueIndex.GetDueAsync(DueKind.Recycle, now, options.CurrentValue.BatchSize, cancellationToken);
        int acted = 0, failed = 0;
        foreach (var hint in due)
        {
            var lead = await store.GetAsync(hint.LeadId, cancellationToken);
            if (lead is null)
            {
                await dueIndex.RemoveAsync(hint, cancellationToken);
                continue;
            }

            if (lead.IsOpen && lead.Status != LeadStatus.SalesReady)
            {
                var written = await mutator.MutateAsync(lead.Id, l => DecideRecycle(l, now, window), cancellationToken);
                lead = written?.Lead ?? await store.GetAsync(lead.Id, cancellationToken) ?? lead;
                if (written is not null)
                {
                    acted++;
                    LogRecycled(logger, lead.Id, NoProgressReason);
                }
                else if (lead.IsOpen)
                {
                    await dueIndex.ScheduleAsync(new DueItem(lead.Id, DueKind.Recycle, lead.StatusChangedAt + window), cancellationToken);
                }
            }

            if (lead.Status == LeadStatus.Recycled && lead.NurturePushedAt is null && !await WriteBackAsync(lead, now, cancellationToken))
            {
                failed++;
                await dueIndex.ScheduleAsync(new DueItem(lead.Id, DueKind.Recycle, now + WriteBackRetry), cancellationToken);
            }

            await dueIndex.RemoveAsync(hint, cancellationToken);
        }

        var report = new JobReport(JobNames.Recycle, due.Count, acted, due.Count - acted - failed, failed);
        LogRun(logger, report.Due, report.Acted, report.Failed);
        return report;
    }

    private static LeadChange? DecideRecycle(Lead lead, DateTimeOffset now, TimeSpan window)
    {
        if (lead.Status is not (LeadStatus.Synced or LeadStatus.Contacted) || lead.StatusChangedAt + window > now)
        {
            return null;
        }

        var change = LeadLifecycle.Transition(lead, LeadStatus.Recycled, now, "recycle",
            $"Reason {NoProgressReason}: no progress since {lead.StatusChangedAt:u} ({(int)window.TotalDays} d window); back to marketing nurture.");
        return change with
        {
            Lead = change.Lead with { RecycleCount = lead.RecycleCount + 1, RecycleReason = NoProgressReason, NurturePushedAt = null },
        };
    }

    /// <summary>Tells the marketing tool and the CRM; both calls are idempotent, so a retry after a crash is safe.</summary>
    private async Task<bool> WriteBackAsync(Lead lead, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reason = lead.RecycleReason ?? NoProgressReason;
        var pushed = await nurture.PushAsync(lead, reason, cancellationToken);
        var crmResult = lead.CrmId is null ? CrmOutcome.Success : await crm.MarkRecycledAsync(lead, reason, cancellationToken);
        if (!pushed.Accepted || !crmResult.Succeeded)
        {
            LogWriteBackFailed(logger, lead.Id, pushed.Error ?? crmResult.Reason ?? "unknown");
            return false;
        }

        await mutator.MutateAsync(lead.Id, l => l.Status != LeadStatus.Recycled || l.NurturePushedAt is not null ? null :
            new LeadChange(l with { NurturePushedAt = now },
                [new TimelineEntry(now, "recycle", LeadEvents.NurturePushed, $"Handed to {pushed.Destination} for nurture; {crm.Name} status set to recycled.")]),
            cancellationToken);
        return true;
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Lead {LeadId} recycled to nurture ({Reason})")]
    private static partial void LogRecycled(ILogger logger, string leadId, string reason);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Recycle write-back for lead {LeadId} failed: {Error}; retrying later")]
    private static partial void LogWriteBackFailed(ILogger logger, string leadId, string error);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Recycle run: {Due} due, {Acted} recycled, {Failed} failed")]
    private static partial void LogRun(ILogger logger, int due, int acted, int failed);
}
