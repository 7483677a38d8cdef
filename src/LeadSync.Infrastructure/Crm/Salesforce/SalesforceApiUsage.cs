namespace LeadSync.Infrastructure.Crm.Salesforce;

/// <summary>The latest <c>Sforce-Limit-Info: api-usage=used/max</c> reading (rolling 24 h org allocation).</summary>
internal sealed class SalesforceApiUsage(TimeProvider time)
{
    private long _used;
    private long _max;
    private long _atTicks;

    public long Used => Interlocked.Read(ref _used);

    public long Max => Interlocked.Read(ref _max);

    public double Ratio => Max > 0 ? (double)Used / Max : 0;

    /// <summary>How old the reading is: only a call refreshes it, so an old one must not stop calls for ever.</summary>
    public TimeSpan Age => time.GetUtcNow() - new DateTimeOffset(Interlocked.Read(ref _atTicks), TimeSpan.Zero);

    public void Record(long used, long max)
    {
        Interlocked.Exchange(ref _used, used);
        Interlocked.Exchange(ref _max, max);
        Interlocked.Exchange(ref _atTicks, time.GetUtcNow().UtcTicks);
    }
}
