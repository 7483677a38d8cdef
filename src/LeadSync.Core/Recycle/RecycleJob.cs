using LeadSync.Core.Crm;
using LeadSync.Core.Jobs;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadSync.Core.Recycle;

/// <summary>
/// Sends leads that sales did not progress back to marketing nurture, with a reason (see <see cref="RecyclePolicy"/>),
/// and tells the marketing tool and the CRM. Reads only due recycle hints; idempotent and safe to run concurrently.
/// </summary>
public sealed partial class RecycleJob(
    IDueIndex dueIndex,
    ILeadStore store,
    LeadMutator mutator,
    ICrmGateway crm,
    INurtureTarget nurture,
    RecyclePolicy policy,
    IOptionsMonitor<RecycleOptions> options,
    TimeProvider timeProvider,
    ILogger<RecycleJob> logger)
{
    public const string NoProgressReason = RecycleReasons.NoProgress;
    private static readonly TimeSpan WriteBackRetry = TimeSpan.FromMinutes(10);

    public async Task<JobReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var due = await dueIndex.GetDueAsync(DueKind.Recycle, now, options.CurrentValue.BatchSize, cancellationToken);
        var leads = new Dictionary<string, Lead>();
        foreach (var id in due.Select(d => d.LeadId).Distinct())
        {
            if (await store.GetAsync(id, cancellationToken) is { } found)
            {
                leads[id] = found;
            }
        }

        var touches = await TouchesAsync(leads.Values, cancellationToken);
        int acted = 0, failed = 0;
        var handled = new HashSet<string>();
        foreach (var hint in due)
        {
            if (leads.TryGetValue(hint.LeadId, out var lead) && handled.Add(lead.Id))
            {
                var (didAct, didFail) = await HandleAsync(lead, touches.GetValueOrDefault(lead.Id), now, cancellationToken);
                acted += didAct ? 1 : 0;
                failed += didFail ? 1 : 0;
            }

            await dueIndex.RemoveAsync(hint, cancellationToken);
        }

        var report = new JobReport(JobNames.Recycle, due.Count, acted, due.Count - acted - failed, failed);
        LogRun(logger, report.Due, report.Acted, report.Failed);
        return report;
    }

    /// <summary>Attempt counts matter only for contacted leads; one batched CRM read for all of them.</summary>
    private async Task<Dictionary<string, CrmTouch>> TouchesAsync(IEnumerable<Lead> leads, CancellationToken cancellationToken)
    {
        var contacted = leads.Where(l => l.Status == LeadStatus.Contacted).ToList();
        if (contacted.Count == 0 || options.CurrentValue.MaxAttempts == 0)
        {
            return [];
        }

        var touches = await crm.GetTouchesAsync(contacted, cancellationToken);
        return touches.GroupBy(t => t.LeadId).ToDictionary(g => g.Key, g => g.First());
    }

    private async Task<(bool Acted, bool Failed)> HandleAsync(Lead lead, CrmTouch? touch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var acted = false;
        if (lead.Status is LeadStatus.Synced or LeadStatus.Contacted)
        {
            var written = await mutator.MutateAsync(lead.Id, l => policy.Decide(l, touch, now), cancellationToken);
            lead = written?.Lead ?? await store.GetAsync(lead.Id, cancellationToken) ?? lead;
            acted = written is not null;
            if (acted)
            {
                var reason = lead.Status == LeadStatus.Recycled ? lead.RecycleReason ?? "?" : lead.CloseReason ?? "?";
                LeadSyncTelemetry.Recycles.Add(1, new KeyValuePair<string, object?>("reason", reason));
                LogRecycled(logger, lead.Id, reason);
            }
            else if (policy.NextCheckAt(lead, now) is { } next)
            {
                await dueIndex.ScheduleAsync(new DueItem(lead.Id, DueKind.Recycle, next), cancellationToken);
            }
        }

        if (lead.Status == LeadStatus.Recycled && lead.NurturePushedAt is null)
        {
            var closed = await mutator.MutateAsync(lead.Id, l => policy.CloseIfExhausted(l, now), cancellationToken);
            if (closed is not null)
            {
                LogRecycled(logger, lead.Id, RecycleReasons.Exhausted);
                return (true, false);
            }

            if (!await WriteBackAsync(lead, now, cancellationToken))
            {
                await dueIndex.ScheduleAsync(new DueItem(lead.Id, DueKind.Recycle, now + WriteBackRetry), cancellationToken);
                return (acted, true);
            }
        }

        return (acted, false);
    }

    /// <summary>
    /// Why a recycled lead must not go to the nurture tool: it declined marketing consent on the form (consent is
    /// honoured before any push), or its personal data was erased. Null: push it.
    /// </summary>
    public static string? NurtureRefusal(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (lead.Consent?.Marketing == false)
        {
            return "the lead did not consent to marketing";
        }

        return lead.Contact.Email is null && lead.Contact.Phone is null ? "the lead's personal data was erased" : null;
    }

    /// <summary>Tells the marketing tool and the CRM; both calls are idempotent, so a retry after a crash is safe.</summary>
    private async Task<bool> WriteBackAsync(Lead lead, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reason = lead.RecycleReason ?? NoProgressReason;
        var refusal = NurtureRefusal(lead);
        var pushed = refusal is null ? await nurture.PushAsync(lead, reason, cancellationToken) : new NurtureResult(true, nurture.Name);
        // An erased lead's CRM record was deleted with it: there is nothing to mark.
        var crmResult = lead.CrmId is null || !lead.Contact.HasReachableChannel ? CrmOutcome.Success : await crm.MarkRecycledAsync(lead, reason, cancellationToken);
        if (!pushed.Accepted || !crmResult.Succeeded)
        {
            LogWriteBackFailed(logger, lead.Id, pushed.Error ?? crmResult.Reason ?? "unknown");
            return false;
        }

        await mutator.MutateAsync(lead.Id, l => l.Status != LeadStatus.Recycled || l.NurturePushedAt is not null ? null :
            new LeadChange(l with { NurturePushedAt = now },
                [refusal is null
                    ? new TimelineEntry(now, "recycle", LeadEvents.NurturePushed, $"Handed to {pushed.Destination} for nurture ({reason}); {crm.Name} status set to recycled.")
                    : new TimelineEntry(now, "recycle", LeadEvents.NurtureSkipped, $"Not handed to {nurture.Name} for nurture: {refusal}; {crm.Name} status set to recycled.")]),
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
