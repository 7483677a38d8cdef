namespace LeadSync.Testing.Crm;

/// <summary>A Lead row in the simulator.</summary>
public sealed class SalesforceLead(string id, string externalId, string ownerId)
{
    public string Id { get; } = id;

    public string ExternalId { get; } = externalId;

    public string OwnerId { get; set; } = ownerId;

    public int OwnerChanges { get; set; }

    public Dictionary<string, string?> Fields { get; } = new(StringComparer.Ordinal);

    public DateOnly? LastActivityDate { get; set; }

    public bool IsConverted { get; set; }

    public bool Created { get; set; }

    public int Creates { get; set; }

    public int Updates { get; set; }
}
