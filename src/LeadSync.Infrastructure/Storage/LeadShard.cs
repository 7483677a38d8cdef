namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Splits a partition that every lead would otherwise share (the due index's hour, the report index's day, the sandbox
/// CRM's records), so a burst of leads does not write one hot partition: Azure Table Storage serves a partition from
/// one server (about 2,000 entities/s), and Azurite scans a whole partition on every point read or upsert in it (a
/// B6 profile of Azurite: with 8 shards per hour and day these scans grew to a third of its CPU within 3 minutes at
/// 100 leads/s). Time-bucketed rows shard by their second (<see cref="OfSecond"/>, 3,600 per hour); the sandbox CRM and
/// rows stored before that shard by lead id (<see cref="Of"/>, <see cref="Count"/>). Readers of a bucket read its shards
/// with one partition-range query.
/// </summary>
public static class LeadShard
{
    /// <summary>Shards by lead id (<see cref="Of"/>).</summary>
    public const int Count = 8;

    /// <summary>Shards by second (<see cref="OfSecond"/>): one per second of an hour.</summary>
    public const int SecondCount = 3_600;

    /// <summary>0 … <see cref="SecondCount"/> − 1, the second of the hour of <paramref name="at"/>: what is written in the same second shares a shard.</summary>
    public static int OfSecond(DateTimeOffset at) => (int)(at.UtcTicks / TimeSpan.TicksPerSecond % SecondCount);

    /// <summary>0 … <see cref="Count"/> − 1, from the id's last character (lead ids end in a uniform base-32 digit).</summary>
    public static int Of(string leadId)
    {
        ArgumentException.ThrowIfNullOrEmpty(leadId);
        return leadId[^1] % Count;
    }
}
