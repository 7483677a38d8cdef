namespace LeadSync.Core.Intake;

/// <summary>
/// The hint that catches a lost hand-off: filed with every sales-ready lead (a <see cref="DueKind.Sync"/> hint) and
/// every lead for nurture (a <see cref="DueKind.Recycle"/> hint), due <see cref="IntakeOptions.SyncSafetyNetDelay"/>
/// after the moment the lead took that status: filing, enrichment and re-entry file it with the status change, at the
/// same time (<see cref="Lead.StatusChangedAt"/>). The consumer that completes the hand-off (the CRM sync, the nurture
/// push) names it from the lead (<see cref="Filed"/>) and removes it again, so the re-drive and recycle jobs read only
/// the hints of hand-offs that did not finish. A hint the consumer cannot name (one the re-drive filed again, or a
/// redelivery's second one) stays and is read as before: its lead is found handed over and the hint dropped.
/// </summary>
public static class HandOffSafetyNet
{
    /// <summary>The hint filed for a lead of <paramref name="status"/> filed at <paramref name="filedAt"/>; null when none is.</summary>
    public static DueItem? For(string leadId, LeadStatus status, DateTimeOffset filedAt, TimeSpan delay) => status switch
    {
        LeadStatus.SalesReady => Sync(leadId, filedAt, delay),

        // Not sales-ready: to nurture at once; the recycle job hands it over if the queue message is lost.
        LeadStatus.Nurture => Nurture(leadId, filedAt, delay),
        _ => null,
    };

    /// <summary>The hint filed when <paramref name="lead"/> took its current status; null when that status files none.</summary>
    public static DueItem? Filed(Lead lead, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return For(lead.Id, lead.Status, lead.StatusChangedAt, delay);
    }

    /// <summary>A sales-ready lead's hint: the re-drive job re-enqueues its CRM sync.</summary>
    public static DueItem Sync(string leadId, DateTimeOffset filedAt, TimeSpan delay) => new(leadId, DueKind.Sync, filedAt + delay);

    /// <summary>A lead for nurture's hint: the recycle job hands it over.</summary>
    private static DueItem Nurture(string leadId, DateTimeOffset filedAt, TimeSpan delay) => new(leadId, DueKind.Recycle, filedAt + delay);

    /// <summary>
    /// Whether the consumer removes <paramref name="hint"/> at <paramref name="now"/>: only while it is not due yet.
    /// Once due, its job may have read it already and filed it again under another time (the lead was not handed on
    /// yet: a CRM outage, a backlog), so the removal would look for a row that is gone; the job reads the hint it
    /// filed, finds the lead handed on and drops it.
    /// </summary>
    private static bool StillPending(DueItem hint, DateTimeOffset now) => now < hint.DueAt;

    /// <summary>
    /// The consumer's last step once its hand-off completed at <paramref name="now"/>: removes <paramref name="hint"/>
    /// (the one <see cref="Filed"/> names) while it is <see cref="StillPending"/>.
    /// </summary>
    public static Task RemoveAsync(IDueIndex dueIndex, DueItem? hint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dueIndex);
        return hint is not null && StillPending(hint, now) ? dueIndex.RemoveAsync(hint, cancellationToken) : Task.CompletedTask;
    }
}
