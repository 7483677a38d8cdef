namespace LeadSync.Core.Reports;

/// <summary>
/// Rebuilds a lead's report row from the lead itself when it is missing or stale: the row is written after the lead's
/// own transaction, so a crash (or a storage error) in between loses it. Safe next to live writes: the stored row is
/// read first, the lead is read again after it, and the repair is conditioned on the row read, so it never replaces a
/// row a concurrent lead change wrote. Idempotent: a matching row is left alone.
/// </summary>
public sealed class FunnelRowRepair(ILeadStore leads, IFunnelIndex index)
{
    /// <summary>Repairs the row of <paramref name="lead"/>'s current cycle (a possibly stale copy of the lead).</summary>
    public async Task<FunnelRepairOutcome> RepairAsync(Lead lead, CancellationToken cancellationToken)
    {
        var expected = FunnelRow.From(lead);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var stored = await index.GetAsync(expected.Day, lead.Id, lead.IndexShard, cancellationToken);
            if (stored?.Row == expected)
            {
                return FunnelRepairOutcome.Unchanged;
            }

            // Decide on the lead as it is now, read after the row: any change committed later writes its own row.
            var current = await leads.GetAsync(lead.Id, cancellationToken);
            if (current is null)
            {
                return FunnelRepairOutcome.Skipped;
            }

            var fresh = FunnelRow.From(current);
            if (fresh.Day != expected.Day)
            {
                // A new cycle started meanwhile (re-entry): look at that day's row instead.
                expected = fresh;
                continue;
            }

            if (stored?.Row == fresh)
            {
                return FunnelRepairOutcome.Unchanged;
            }

            return await index.TryWriteAsync(fresh, current.IndexShard, stored?.ETag, cancellationToken) ? FunnelRepairOutcome.Written : FunnelRepairOutcome.Skipped;
        }

        return FunnelRepairOutcome.Skipped;
    }
}
