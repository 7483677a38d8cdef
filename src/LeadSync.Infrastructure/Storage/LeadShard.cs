namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Splits a partition that every lead would otherwise share (the due index's hour, the report index's day, the sandbox
/// CRM's records) into <see cref="Count"/> partitions by lead id, so a burst of leads does not write one hot partition: Azure Table Storage
/// serves a partition from one server (about 2,000 entities/s), and Azurite scans a whole partition on every point
/// read or upsert in it. Readers of a bucket read its shards with one partition-range query (the sandbox CRM asks
/// each shard for its leads).
/// </summary>
public static class LeadShard
{
    public const int Count = 8;

    /// <summary>0 … <see cref="Count"/> − 1 by the second of <paramref name="at"/>: what is written in the same second shares a shard.</summary>
    public static int OfSecond(DateTimeOffset at) => (int)(at.UtcTicks / TimeSpan.TicksPerSecond % Count);

    /// <summary>0 … <see cref="Count"/> − 1, from the id's last character (lead ids end in a uniform base-32 digit).</summary>
    public static int Of(string leadId)
    {
        ArgumentException.ThrowIfNullOrEmpty(leadId);
        return leadId[^1] % Count;
    }
}
