namespace LeadSync.Core.Sla.Cadence;

/// <summary>Builds a lead's <see cref="AttemptLog"/> from what the CRM's activity read returned and the native events on the lead.</summary>
public static class CadenceAttemptSources
{
    /// <summary>
    /// Activities without a time (a count property) are placed where LeadSync first saw them: as many as the lead already
    /// counted at its latest recorded attempt, the rest at <paramref name="now"/>, so a count never moves a past checkpoint.
    /// </summary>
    public static AttemptLog For(Lead lead, CrmAttempts? crm, DateTimeOffset now)
    {
        var timed = crm?.At ?? [];
        var untimed = crm?.Untimed ?? 0;
        var seenBefore = Math.Clamp(lead.ContactAttempts - timed.Count, 0, untimed);
        var earlier = lead.LastAttemptAt ?? CadenceStep.HandoffOf(lead);
        var times = timed.Concat(Enumerable.Repeat(earlier, seenBefore)).Concat(Enumerable.Repeat(now, untimed - seenBefore)).ToList();
        return new AttemptLog(times, NativeAttempts.Parse(lead.NativeAttempts));
    }
}
