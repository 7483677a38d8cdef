using LeadSync.Core.Leads;

namespace LeadSync.Core.Crm;

/// <summary>Turns what the CRM reports about a lead into the lifecycle move it implies (pure).</summary>
public static class SalesActivity
{
    public static LeadChange? Decide(Lead lead, CrmTouch touch, DateTimeOffset now, string actor)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(touch);
        var touchedAt = touch.FirstTouchAt is { } at && at <= now ? at : now;
        var target = touch.State switch
        {
            CrmLeadState.Contacted => LeadStatus.Contacted,
            CrmLeadState.Converted => LeadStatus.Converted,
            CrmLeadState.Disqualified => LeadStatus.Disqualified,
            CrmLeadState.Nurture => LeadStatus.Recycled,
            _ => (LeadStatus?)null,
        };
        if (target is not { } to || lead.Status == to || !LeadLifecycle.IsAllowed(lead.Status, to))
        {
            return null;
        }

        var detail = to switch
        {
            LeadStatus.Contacted => $"First touch at {touchedAt:u}.",
            LeadStatus.Recycled => "CRM status is in the nurture set.",
            _ => $"Reported by {actor}.",
        };
        var change = LeadLifecycle.Transition(lead, to, now, actor, detail);
        var next = change.Lead with
        {
            FirstTouchAt = lead.FirstTouchAt ?? (to is LeadStatus.Contacted or LeadStatus.Converted ? touchedAt : null),
            Owner = touch.Owner ?? lead.Owner,
            RecycleCount = to == LeadStatus.Recycled ? lead.RecycleCount + 1 : lead.RecycleCount,
            RecycleReason = to == LeadStatus.Recycled ? Recycle.RecycleReasons.CrmNurtureStatus : lead.RecycleReason,
            LastRecycledAt = to == LeadStatus.Recycled ? now : lead.LastRecycledAt,
            NurturePushedAt = to == LeadStatus.Recycled ? null : lead.NurturePushedAt,
        };
        return change with { Lead = next };
    }
}
