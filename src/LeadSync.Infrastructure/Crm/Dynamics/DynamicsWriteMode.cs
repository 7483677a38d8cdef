namespace LeadSync.Infrastructure.Crm.Dynamics;

/// <summary>How an upsert by alternate key treats an existing or missing row.</summary>
public enum DynamicsWriteMode
{
    /// <summary>Plain upsert: create when missing, update when present.</summary>
    Upsert,

    /// <summary><c>If-None-Match: *</c>: never overwrite a row sales may have edited; 412 means it already exists.</summary>
    CreateOnly,

    /// <summary><c>If-Match: *</c>: never create; 404 means no row has the key.</summary>
    UpdateOnly,
}
