namespace LeadSync.Infrastructure.Crm.Salesforce;

/// <summary>The latest <c>Sforce-Limit-Info: api-usage=used/max</c> reading (rolling 24 h org allocation).</summary>
internal sealed class SalesforceApiUsage
{
    private long _used;
    private long _max;

    public long Used => Interlocked.Read(ref _used);

    public long Max => Interlocked.Read(ref _max);

    public double Ratio => Max > 0 ? (double)Used / Max : 0;

    public void Record(long used, long max)
    {
        Interlocked.Exchange(ref _used, used);
        Interlocked.Exchange(ref _max, max);
    }
}
