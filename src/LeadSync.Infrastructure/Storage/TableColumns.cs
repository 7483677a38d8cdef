namespace LeadSync.Infrastructure.Storage;

/// <summary>Column selections shared by table queries.</summary>
internal static class TableColumns
{
    /// <summary>Only the keys: for queries that find rows to delete or count, without their properties.</summary>
    public static readonly IReadOnlyList<string> KeysOnly = ["PartitionKey", "RowKey"];
}
