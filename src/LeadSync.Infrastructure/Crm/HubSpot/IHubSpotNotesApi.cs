namespace LeadSync.Infrastructure.Crm.HubSpot;

/// <summary>
/// HubSpot CRM notes v3 and associations v4: a note upserted by a unique note property (notes have no idempotency key
/// of their own), then associated to the contact with the default association type — both safe to repeat.
/// </summary>
internal interface IHubSpotNotesApi
{
    /// <summary>"Create or update a batch of notes by unique property values": one input per call here.</summary>
    [Post("/crm/v3/objects/notes/batch/upsert")]
    Task<IApiResponse<HubSpotBatchResponse>> UpsertNotesAsync([Body(buffered: true)] HubSpotUpsertBatch notes, CancellationToken cancellationToken);

    /// <summary>"Associate records (default)": note → contact with the default (HubSpot-defined 202) type; idempotent PUT.</summary>
    [Put("/crm/v4/objects/notes/{noteId}/associations/default/contacts/{contactId}")]
    Task<IApiResponse<HubSpotBatchResponse>> AssociateToContactAsync(string noteId, string contactId, CancellationToken cancellationToken);
}
