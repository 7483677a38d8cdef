namespace LeadSync.Infrastructure.Crm.Touches;

/// <summary>HubSpot marketing touch records (<c>LeadSync:Crm:Touches:HubSpot</c>).</summary>
public sealed class HubSpotTouchOptions
{
    public const string Section = "LeadSync:Crm:Touches:HubSpot";

    /// <summary>
    /// Internal name of the note property with unique values (single-line text, "unique values" on) the touch note is
    /// upserted by, so a retry or replay updates the same note instead of creating a second one.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = $"{Section}:NoteIdProperty is required: the internal name of a unique single-line text note property (e.g. leadsync_touch_id).")]
    public string NoteIdProperty { get; set; } = "leadsync_touch_id";
}
