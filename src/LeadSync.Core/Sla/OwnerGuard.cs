namespace LeadSync.Core.Sla;

/// <summary>
/// Whether a <c>reassign</c> level must leave the CRM owner alone (pure): when the touch read shows an owner other than
/// the one LeadSync recorded, sales changed it and LeadSync never overwrites that; when the CRM could not be read, the
/// owner is unknown and LeadSync does not write on a guess. Returns the change that records why (and the owner sales set).
/// </summary>
public static class OwnerGuard
{
    public static Func<Lead, LeadChange?>? Skip(Lead lead, int level, CrmTouch? touch, string? crmUnchecked, string crm, DateTimeOffset now)
    {
        if (crmUnchecked is not null)
        {
            return current => new LeadChange(current,
                [new TimelineEntry(now, crm, LeadEvents.ReassignSkipped, $"Level {level}: not reassigned, the CRM could not be read ({crmUnchecked}).")]);
        }

        if (touch?.Owner is { Length: > 0 } crmOwner && lead.Owner is { Length: > 0 } known && !string.Equals(crmOwner, known, StringComparison.OrdinalIgnoreCase))
        {
            return current => new LeadChange(current with { Owner = crmOwner },
                [new TimelineEntry(now, crm, LeadEvents.ReassignSkipped, $"Level {level}: not reassigned, sales changed the owner in {crm} from {known} to {crmOwner}.")]);
        }

        return null;
    }
}
