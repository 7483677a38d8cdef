using LeadSync.Core.Crm;
using LeadSync.Core.Jobs;
using LeadSync.Core.Leads;
using LeadSync.Core.Notifications;
using LeadSync.Core.Recycle;
using LeadSync.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadSync.Core.Sla;

/// <summary>
/// The SLA sweep: reads only due leads from the due index, asks the CRM (batched) whether sales touched them,
/// records first touches, and escalates the rest one level. Each (lead, level) fires exactly once because the
/// escalation and its notice are one ETag-conditioned write; safe to run concurrently.
/// </summary>
public sealed partial class SlaSweep(
    IDueIndex dueIndex,
    ILeadStore store,
    LeadMutator mutator,
    ICrmGateway crm,
    ISlaPolicy policy,
    IWorkQueue queue,
    IOptionsMonitor<SlaOptions> slaOptions,
    RecyclePolicy recyclePolicy,
    IOptionsMonitor<NotificationOptions> notificationOptions,
    TimeProvider timeProvider,
    ILogger<SlaSweep> logger)
{
    public async Task<JobReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var due = await dueIndex.GetDueAsync(DueKind.Sla, now, slaOptions.CurrentValue.BatchSize, cancellationToken);
        var hintsByLead = due.GroupBy(d => d.LeadId).ToDictionary(g => g.Key, g => g.ToList());
        var leads = await LoadAsync(hintsByLead.Keys, cancellationToken);
        var open = leads.Where(l => l.Status == LeadStatus.Synced).ToList();
        var touches = open.Count == 0
            ? new Dictionary<string, CrmTouch>()
            : (await crm.GetTouchesAsync(open, cancellationToken)).ToDictionary(t => t.LeadId);

        int acted = 0, failed = 0;
        foreach (var lead in open)
        {
            try
            {
                var touch = touches.GetValueOrDefault(lead.Id);
                var didAct = touch is not null && touch.State != CrmLeadState.Untouched
                    ? await RecordTouchAsync(lead.Id, touch, now, cancellationToken)
                    : await EscalateAsync(lead, now, cancellationToken);
                acted += didAct ? 1 : 0;
            }
            catch (StorageUnavailableException)
            {
                throw;
            }
#pragma warning disable CA1031 // One lead's failure must not stop the sweep; its hint stays and is retried next run.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failed++;
                hintsByLead.Remove(lead.Id);
                LogLeadFailed(logger, ex, lead.Id);
            }
        }

        foreach (var hint in hintsByLead.Values.SelectMany(h => h))
        {
            await dueIndex.RemoveAsync(hint, cancellationToken);
        }

        var report = new JobReport(JobNames.SlaSweep, due.Count, acted, hintsByLead.Count - acted - failed, failed);
        LogSwept(logger, report.Due, report.Acted, report.Failed);
        return report;
    }

    private async Task<List<Lead>> LoadAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var loaded = new List<Lead>();
        foreach (var chunk in ids.Chunk(16))
        {
            var found = await Task.WhenAll(chunk.Select(id => store.GetAsync(id, cancellationToken)));
            loaded.AddRange(found.OfType<Lead>());
        }

        return loaded;
    }

    private async Task<bool> RecordTouchAsync(string leadId, CrmTouch touch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var written = await mutator.MutateAsync(leadId, lead => SalesActivity.Decide(lead, touch, now, crm.Name), cancellationToken);
        if (written?.Lead.Status == LeadStatus.Contacted)
        {
            if (recyclePolicy.NextCheckAt(written.Lead, now) is { } next)
            {
                await dueIndex.ScheduleAsync(new DueItem(leadId, DueKind.Recycle, next), cancellationToken);
            }
        }

        return written is not null;
    }

    private async Task<bool> EscalateAsync(Lead loaded, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (DecideEscalation(loaded, now) is not null)
        {
            // Intent first: if the notice's queue message is lost, the re-drive job finds the unsent notice.
            await dueIndex.ScheduleAsync(new DueItem(loaded.Id, DueKind.Notify, now + notificationOptions.CurrentValue.RedriveDelay), cancellationToken);
        }

        var written = await mutator.MutateAsync(loaded.Id, lead => DecideEscalation(lead, now), cancellationToken);
        foreach (var notice in written?.Notices ?? [])
        {
            await queue.EnqueueAsync(QueueNames.Notifications, new NotifyMessage(notice.LeadId, notice.Level).Encode(), cancellationToken);
            LogEscalated(logger, notice.LeadId, notice.Level, notice.Recipient);
        }

        // Whether this run escalated or another one did, make sure the next rung has its wake-up hint.
        var latest = written?.Lead ?? await store.GetAsync(loaded.Id, cancellationToken);
        if (latest is { Status: LeadStatus.Synced } && latest.EscalationLevel < policy.LevelCount(latest))
        {
            await dueIndex.ScheduleAsync(new DueItem(latest.Id, DueKind.Sla, policy.LevelDueAt(latest, latest.EscalationLevel + 1)), cancellationToken);
        }

        return written is not null;
    }

    private LeadChange? DecideEscalation(Lead lead, DateTimeOffset now)
    {
        var next = lead.EscalationLevel + 1;
        if (lead.Status != LeadStatus.Synced || next > policy.LevelCount(lead) || policy.LevelDueAt(lead, next) > now)
        {
            return null;
        }

        var deadline = lead.SlaDueAt ?? policy.FirstTouchDeadline(lead);
        var recipient = policy.Recipient(lead, next);
        var late = now - deadline;
        var entry = new TimelineEntry(now, "sla-sweep", LeadEvents.Escalated,
            $"Level {next} ({recipient}): not contacted {FormatLate(late)} after the first-touch deadline.");
        var notice = new EscalationNotice
        {
            LeadId = lead.Id,
            Level = next,
            Recipient = recipient,
            RaisedAt = now,
            DeadlineAt = deadline,
            Cycle = lead.ReEngagedCount,
        };
        return new LeadChange(lead with { EscalationLevel = next }, [entry]) { Notices = [notice] };
    }

    internal static string FormatLate(TimeSpan late) =>
        late.TotalMinutes < 1 ? $"{Math.Max(0, (int)late.TotalSeconds)} s"
        : late.TotalHours < 1 ? $"{(int)late.TotalMinutes} min"
        : $"{(int)late.TotalHours} h {late.Minutes} min";

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "SLA sweep: {Due} due, {Acted} acted on, {Failed} failed")]
    private static partial void LogSwept(ILogger logger, int due, int acted, int failed);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Lead {LeadId} escalated to level {Level} ({Recipient})")]
    private static partial void LogEscalated(ILogger logger, string leadId, int level, string recipient);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "SLA sweep failed for lead {LeadId}; its hint is kept for the next run")]
    private static partial void LogLeadFailed(ILogger logger, Exception exception, string leadId);
}
