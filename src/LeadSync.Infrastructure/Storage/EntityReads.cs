namespace LeadSync.Infrastructure.Storage;

/// <summary>Counts entities a table read returned (<see cref="LeadSyncTelemetry.EntitiesRead"/>).</summary>
internal static class EntityReads
{
    public const string Query = "query";
    public const string Point = "point";

    public static void Add(string table, string kind, int count)
    {
        if (count > 0)
        {
            LeadSyncTelemetry.EntitiesRead.Add(count, new KeyValuePair<string, object?>("table", table), new KeyValuePair<string, object?>("kind", kind));
        }
    }
}
