namespace LeadSync.Testing.Crm;

/// <summary>What benchmarks read of the simulator's traffic: the size of each sObject Collections upsert it took.</summary>
public sealed partial class SalesforceSimulator
{
    private readonly List<int> _collectionSizes = [];

    /// <summary>
    /// Records per well-formed <c>PATCH /composite/sobjects/Lead/{field}</c> call (one entry per call, in arrival
    /// order), as a copy that is safe to take while requests are still arriving.
    /// </summary>
    public IReadOnlyList<int> BatchSizesSnapshot()
    {
        lock (_lock)
        {
            return [.. _collectionSizes];
        }
    }

    /// <summary>Leads stored so far (cheaper than copying <see cref="Leads"/> when only the count matters).</summary>
    public int LeadCount
    {
        get
        {
            lock (_lock)
            {
                return _byExternalId.Count;
            }
        }
    }

    /// <summary>SOQL queries over Lead, Task and Event answered so far.</summary>
    public int SoqlCount
    {
        get
        {
            lock (_lock)
            {
                return Soql.Count;
            }
        }
    }

    private void RecordCollection(int records)
    {
        lock (_lock)
        {
            _collectionSizes.Add(records);
        }
    }
}
