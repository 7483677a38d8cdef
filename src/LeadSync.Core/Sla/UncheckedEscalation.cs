namespace LeadSync.Core.Sla;

/// <summary>
/// An escalation raised while the CRM could not be read: the lead is overdue on what LeadSync knows, so it still goes
/// up the ladder (a silent outage must not stop SLA enforcement), but its timeline entry and its notice say the CRM was
/// not checked, so the recipient knows sales may already have reached the lead (pure).
/// </summary>
public static class UncheckedEscalation
{
    public static LeadChange Mark(LeadChange change, string reason)
    {
        var note = $"The CRM could not be checked ({reason}); escalated on what LeadSync knew.";
        return change with
        {
            Entries = [.. change.Entries.Select(e => e.Event == LeadEvents.Escalated ? e with { Detail = $"{e.Detail} {note}" } : e)],
            Notices = [.. change.Notices.Select(n => n with { CrmUnchecked = true })],
        };
    }
}
