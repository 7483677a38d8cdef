namespace LeadSync.Infrastructure.Recycle;

/// <summary>
/// The default nurture target: a "nurture list" in LeadSync's own storage (table <c>SandboxNurture</c>), one row per
/// lead and recycle cycle, so pushes are idempotent.
/// </summary>
public sealed class SandboxNurtureTarget(StorageClients clients, TimeProvider timeProvider) : INurtureTarget
{
    public string Name => "sandbox nurture list";

    public async Task<NurtureResult> PushAsync(Lead lead, string reason, string? target, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.SandboxNurture, cancellationToken);
        var row = new TableEntity(lead.Id, $"cycle-{lead.RecycleCount:D3}")
        {
            ["Email"] = lead.Contact.Email,
            ["Reason"] = reason,
            ["Target"] = target,
            ["Source"] = lead.Source,
            ["PushedAt"] = timeProvider.GetUtcNow(),
        };
        await StorageCall.RunAsync(() => table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken), cancellationToken);
        return new NurtureResult(true, target is null ? Name : $"{Name} {target}");
    }

    /// <summary>Deletes every cycle's row of the lead (partition = lead id).</summary>
    public async Task<TargetErasure> EraseAsync(ErasureIdentity subject, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.SandboxNurture, cancellationToken);
        var removed = await StorageCall.RunAsync(async () =>
        {
            var count = 0;
            await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {subject.LeadId}"), cancellationToken: cancellationToken))
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, Azure.ETag.All, cancellationToken);
                count++;
            }

            return count;
        }, cancellationToken);
        return removed == 0 ? TargetErasure.NotFound("nurture:" + Name) : TargetErasure.Erased("nurture:" + Name);
    }
}
