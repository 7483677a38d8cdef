namespace LeadSync.Infrastructure.Crm.HubSpot;

/// <summary>
/// A HubSpot note on the contact's timeline per touch (<c>hs_timestamp</c> = the touch time). HubSpot notes have no
/// idempotency key, so the note is upserted by a unique note property (<see cref="HubSpotTouchOptions.NoteIdProperty"/>)
/// whose value is derived from the touch (<c>POST /crm/v3/objects/notes/batch/upsert</c>), then associated to the
/// contact with the default note→contact type (<c>PUT /crm/v4/objects/notes/{id}/associations/default/contacts/{id}</c>).
/// A retry or replay after a lost answer repeats both calls and still leaves one note on the contact.
/// </summary>
internal sealed class HubSpotTouchWriter(IHubSpotNotesApi api, IOptionsMonitor<HubSpotTouchOptions> touchOptions, TimeProvider time) : ICrmTouchWriter
{
    private static readonly TimeSpan QuotaRetryAfter = TimeSpan.FromHours(1);

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

        var touchId = CrmTouchKeys.Hex(record.Key);
        var input = new HubSpotUpsertInput(touchId, touchOptions.CurrentValue.NoteIdProperty, touchId, properties);
        using var upserted = await api.UpsertNotesAsync(new HubSpotUpsertBatch([input]), cancellationToken);
        var outcome = Map(upserted);
        if (!outcome.Succeeded)
        {
            return outcome;
        }

        if (upserted.Content?.Errors is [var error, ..])
        {
            return CrmResponseMapper.ClassifyRecordError(CrmProvider.HubSpot, error.Category, error.Message, QuotaRetryAfter);
        }

        if (upserted.Content?.Results is not [{ Id: { Length: > 0 } noteId }, ..])
        {
            return new CrmOutcome(CrmOutcomeKind.Permanent, "HubSpot answered the note upsert without a note id.");
        }

        using var associated = await api.AssociateToContactAsync(noteId, record.CrmId, cancellationToken);
        return Map(associated);
    }

    private CrmOutcome Map(IApiResponse response) =>
        CrmResponseMapper.ToOutcome(response, CrmProvider.HubSpot, QuotaRetryAfter, time.GetUtcNow());
}
