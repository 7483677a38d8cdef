namespace LeadSync.Core.Crm.Touches;

/// <summary>
/// One marketing touch to write into the CRM where reps work (HubSpot note, Salesforce Task, Dataverse annotation).
/// <see cref="Key"/> is stable for the touch (lead id + the time it was recorded), so a retry or replay writes it once.
/// </summary>
public sealed record CrmTouchRecord
{
    public required string Key { get; init; }
    public required string LeadId { get; init; }

    /// <summary>The CRM record the touch goes on (contact / lead id from the sync).</summary>
    public required string CrmId { get; init; }
    public string? Owner { get; init; }

    /// <summary>The marketing source (webhook source name) of the submission.</summary>
    public required string Source { get; init; }
    public required DateTimeOffset At { get; init; }

    /// <summary>The campaign the submission named (id or name), for a CRM campaign membership when mapped.</summary>
    public string? Campaign { get; init; }

    /// <summary>"Marketing touch: &lt;source&gt;".</summary>
    public string Subject => $"Marketing touch: {Source}";

    /// <summary>Plain-text body: source, time, event/campaign/form/page/UTM, qualification answers; no contact data.</summary>
    public required string Body { get; init; }
}
