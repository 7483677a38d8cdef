using System.Globalization;
using LeadSync.Core.Crm;
using LeadSync.Core.Crm.Touches;
using LeadSync.Core.Leads;
using Refit;

namespace LeadSync.Infrastructure.Crm.HubSpot;

/// <summary>
/// A HubSpot note on the contact's timeline per touch (<c>POST /crm/v3/objects/notes</c>, associated to the contact
/// with the HubSpot-defined note→contact type 202, <c>hs_timestamp</c> = the touch time). HubSpot notes have no
/// idempotency key: the recorder marks each touch written once HubSpot answered 201, so only a lost answer can repeat one.
/// </summary>
internal sealed class HubSpotTouchWriter(IHubSpotNotesApi api, TimeProvider time) : ICrmTouchWriter
{
    public const int NoteToContact = 202;

    public async Task<CrmOutcome> WriteAsync(Lead lead, CrmTouchRecord record, CancellationToken cancellationToken)
    {
        var properties = new Dictionary<string, string>
        {
            ["hs_timestamp"] = record.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["hs_note_body"] = record.Subject + "\n" + record.Body,
        };
        if (record.Owner is { Length: > 0 } owner && owner.All(char.IsAsciiDigit))
        {
            properties["hubspot_owner_id"] = owner;
        }

        var note = new HubSpotNoteInput(properties, [new HubSpotNoteAssociation(new HubSpotObjectId(record.CrmId), [new HubSpotAssociationType("HUBSPOT_DEFINED", NoteToContact)])]);
        using var response = await api.CreateNoteAsync(note, cancellationToken);
        return CrmResponseMapper.ToOutcome(response, CrmProvider.HubSpot, TimeSpan.FromHours(1), time.GetUtcNow());
    }
}
