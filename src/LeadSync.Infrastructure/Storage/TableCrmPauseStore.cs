namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// The shared CRM pauses in table <c>CrmPauses</c>: one row per CRM connection (partition <c>crm</c>, row key = CRM
/// name). Inserts fail on an existing row and updates are conditioned on the ETag read, so two instances never both
/// claim the probe or overwrite each other's pause.
/// </summary>
public sealed class TableCrmPauseStore(StorageClients clients) : ICrmPauseStore
{
    public const string Table = "CrmPauses";
    private const string Partition = "crm";

    public async Task<CrmPause> GetAsync(string crm, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(crm);
        var table = await clients.TableAsync(Table, cancellationToken);
        var row = await StorageCall.RunAsync(() => table.GetEntityIfExistsAsync<TableEntity>(Partition, crm, cancellationToken: cancellationToken), cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : CrmPause.Healthy(crm);
    }

    public async Task<CrmPause?> TrySaveAsync(CrmPause pause, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(Table, cancellationToken);
        var entity = ToEntity(pause);
        try
        {
            var response = pause.ETag is null
                ? await StorageCall.RunAsync(() => table.AddEntityAsync(entity, cancellationToken), cancellationToken)
                : await StorageCall.RunAsync(() => table.UpdateEntityAsync(entity, new ETag(pause.ETag), TableUpdateMode.Replace, cancellationToken), cancellationToken);
            return pause with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return null;
        }
    }

    private static TableEntity ToEntity(CrmPause p) => new(Partition, p.Crm)
    {
        ["PausedUntil"] = p.PausedUntil,
        ["Reason"] = p.Reason,
        ["Cause"] = p.Cause,
        ["ConsecutiveFailures"] = p.ConsecutiveFailures,
        ["FailedProbes"] = p.FailedProbes,
        ["ProbeUntil"] = p.ProbeUntil,
        ["UpdatedAt"] = p.UpdatedAt,
    };

    private static CrmPause FromEntity(TableEntity e) => new()
    {
        Crm = e.RowKey,
        PausedUntil = e.GetDateTimeOffset("PausedUntil"),
        Reason = e.GetString("Reason"),
        Cause = e.GetString("Cause"),
        ConsecutiveFailures = e.GetInt32("ConsecutiveFailures") ?? 0,
        FailedProbes = e.GetInt32("FailedProbes") ?? 0,
        ProbeUntil = e.GetDateTimeOffset("ProbeUntil"),
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt"),
        ETag = e.ETag.ToString(),
    };
}
