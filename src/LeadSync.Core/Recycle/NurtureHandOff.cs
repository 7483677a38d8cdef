namespace LeadSync.Core.Recycle;

/// <summary>
/// Hands a lead judged not sales-ready to the marketing tool's nurture at once, with the reason
/// (<see cref="RecycleReasons.NotSalesReady"/>), consent honoured (<see cref="RecycleJob.NurtureRefusal"/>). Fed by the
/// <c>lead-nurture</c> queue right after filing; the recycle job is the safety net for a lost message (a recycle hint
/// filed with the lead). Idempotent: a lead already handed over (<see cref="Lead.NurturePushedAt"/>) is left alone, and
/// the nurture tools' pushes are upserts. Once the hand-over is recorded, the recycle hint filed with the lead is removed
/// (<see cref="HandOffSafetyNet"/>).
/// </summary>
public sealed partial class NurtureHandOff(
    ILeadStore store,
    LeadMutator mutator,
    INurtureTarget nurture,
    IOptionsMonitor<RecycleOptions> options,
    IDueIndex dueIndex,
    IOptionsMonitor<IntakeOptions> intakeOptions,
    TimeProvider timeProvider,
    ILogger<NurtureHandOff> logger)
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    public async Task<WorkOutcome> HandAsync(string leadId, CancellationToken cancellationToken)
    {
        var lead = await store.GetAsync(leadId, cancellationToken);
        if (lead is not { Status: LeadStatus.Nurture, NurturePushedAt: null })
        {
            return WorkOutcome.Done("nothing to hand over");
        }

        var refusal = RecycleJob.NurtureRefusal(lead);
        var pushed = refusal is null ? await nurture.PushAsync(lead, RecycleReasons.NotSalesReady,
            RecycleTargets.For(options.CurrentValue, RecycleReasons.NotSalesReady), cancellationToken) : null;
        if (pushed is { Accepted: false } && !IsPermanent(pushed))
        {
            LogPushFailed(logger, leadId, pushed.Error ?? "unknown");
            return WorkOutcome.Retry(RetryAfter, $"nurture push failed: {pushed.Error}");
        }

        var now = timeProvider.GetUtcNow();
        var entry = pushed is { Accepted: true }
            ? new TimelineEntry(now, "qualification", LeadEvents.NurturePushed,
                $"Handed to {pushed.Destination} for nurture ({RecycleReasons.NotSalesReady}; the qualification reason is above).")
            : new TimelineEntry(now, "qualification", LeadEvents.NurtureSkipped,
                $"Not handed to {nurture.Name} for nurture: {refusal ?? pushed!.Error}.");
        var written = await mutator.MutateAsync(leadId, l => l is { Status: LeadStatus.Nurture, NurturePushedAt: null }
            ? new LeadChange(l with { NurturePushedAt = now }, [entry])
            : null, cancellationToken);

        // Handed over (or recorded why not): the recycle job need not look at the lead for a lost message.
        if (written is not null)
        {
            await HandOffSafetyNet.RemoveAsync(dueIndex, HandOffSafetyNet.Filed(written.Lead, intakeOptions.CurrentValue.SyncSafetyNetDelay), now, cancellationToken);
        }

        return WorkOutcome.Done(entry.Event);
    }

    /// <summary>The nurture targets prefix a refusal that no retry can change with <c>permanent:</c>.</summary>
    private static bool IsPermanent(NurtureResult result) =>
        result.Error?.StartsWith("permanent", StringComparison.OrdinalIgnoreCase) == true;

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "Nurture hand-off of lead {LeadId} failed: {Error}; retrying")]
    private static partial void LogPushFailed(ILogger logger, string leadId, string error);
}
