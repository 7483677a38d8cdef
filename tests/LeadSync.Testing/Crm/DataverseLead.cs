namespace LeadSync.Testing.Crm;

/// <summary>A lead row in the Dataverse simulator.</summary>
public sealed class DataverseLead(Guid id, string key, Guid ownerId)
{
    public Guid Id { get; } = id;

    public string Key { get; } = key;

    public Guid OwnerId { get; set; } = ownerId;

    public string OwnerType { get; set; } = "systemuser";

    public int OwnerChanges { get; set; }

    public Dictionary<string, object?> Columns { get; } = new(StringComparer.Ordinal);

    public int StateCode { get; set; }

    public int StatusCode { get; set; } = 1;

    public int Creates { get; set; }

    public int Updates { get; set; }

    public int Version { get; set; } = 1;
}
