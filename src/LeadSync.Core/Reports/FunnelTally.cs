namespace LeadSync.Core.Reports;

/// <summary>
/// The additive figures of a set of lead cycles: counters, recycle reasons and every latency sample. Tallies of
/// disjoint sets merge into the tally of their union, so a report adds up stored per-day tallies instead of reading
/// one index row per cycle; <see cref="ToGroup"/> turns a tally into the report's figures by the same definitions
/// the report has always used (README, "Report definitions").
/// </summary>
public sealed class FunnelTally
{
    internal static readonly LeadStatus[] Statuses = Enum.GetValues<LeadStatus>();

    /// <summary>Cycles by current status, indexed like <see cref="Statuses"/>.</summary>
    internal int[] ByStatus { get; } = new int[Statuses.Length];

    internal SortedDictionary<string, int> RecycledByReason { get; } = new(StringComparer.Ordinal);

    // Counters that do not follow from the status alone, in the order the codec stores them.
    internal int Synced { get; set; }

    internal int ContactedWithinSla { get; set; }

    internal int ContactedLate { get; set; }

    internal int NeverContacted { get; set; }

    internal int Escalated { get; set; }

    internal int ReEngaged { get; set; }

    internal int MarketingTouches { get; set; }

    internal int Attempts { get; set; }

    internal int CheckpointsMet { get; set; }

    internal int CheckpointsMissed { get; set; }

    internal int SlaMet { get; set; }

    internal int SlaMissed { get; set; }

    /// <summary>Received → first touch, elapsed.</summary>
    internal LatencySamples Elapsed { get; } = new();

    /// <summary>Received → first touch in business time.</summary>
    internal LatencySamples Business { get; } = new();

    /// <summary>Received → in the CRM.</summary>
    internal LatencySamples System { get; } = new();

    /// <summary>In the CRM → first touch.</summary>
    internal LatencySamples Human { get; } = new();

    public int Received => ByStatus.Sum();

    public void Add(FunnelRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var status = Array.IndexOf(Statuses, row.Status);
        if (status >= 0)
        {
            ByStatus[status]++;
        }

        var reason = row.Status == LeadStatus.Recycled ? row.RecycleReason ?? RecycleReasons.NoProgress
            : row.CloseReason == RecycleReasons.Exhausted ? RecycleReasons.Exhausted : null;
        if (reason is not null)
        {
            RecycledByReason[reason] = RecycledByReason.GetValueOrDefault(reason) + 1;
        }

        if (row.SyncedAt is { } synced)
        {
            Synced++;
            System.Add(synced - row.ReceivedAt);
            if (row.FirstTouchAt is null)
            {
                NeverContacted++;
            }
        }

        if (row.FirstTouchAt is { } touched)
        {
            if (row.SlaDueAt is not { } due || touched <= due)
            {
                ContactedWithinSla++;
            }
            else
            {
                ContactedLate++;
            }

            Elapsed.Add(touched - row.ReceivedAt);
            if (row.SyncedAt is { } syncedAt)
            {
                Human.Add(touched - syncedAt);
            }
        }

        if (row.BusinessMinutesToFirstTouch is { } minutes)
        {
            Business.Add(TimeSpan.FromMinutes(minutes));
        }

        Escalated += row.EscalationLevel > 0 ? 1 : 0;
        ReEngaged += row.ReEngagedCount > 0 ? 1 : 0;
        MarketingTouches += 1 + row.AdditionalTouches;
        Attempts += row.Attempts;
        CheckpointsMet += row.CheckpointsMet;
        CheckpointsMissed += row.CheckpointsMissed;
        SlaMet += row.SlaMet == true ? 1 : 0;
        SlaMissed += row.SlaMet == false ? 1 : 0;
    }

    /// <summary>Adds the figures of <paramref name="other"/> (a disjoint set of cycles) to this tally.</summary>
    public void Merge(FunnelTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < ByStatus.Length; i++)
        {
            ByStatus[i] += other.ByStatus[i];
        }

        foreach (var (reason, count) in other.RecycledByReason)
        {
            RecycledByReason[reason] = RecycledByReason.GetValueOrDefault(reason) + count;
        }

        Synced += other.Synced;
        ContactedWithinSla += other.ContactedWithinSla;
        ContactedLate += other.ContactedLate;
        NeverContacted += other.NeverContacted;
        Escalated += other.Escalated;
        ReEngaged += other.ReEngaged;
        MarketingTouches += other.MarketingTouches;
        Attempts += other.Attempts;
        CheckpointsMet += other.CheckpointsMet;
        CheckpointsMissed += other.CheckpointsMissed;
        SlaMet += other.SlaMet;
        SlaMissed += other.SlaMissed;
        Elapsed.AddRange(other.Elapsed);
        Business.AddRange(other.Business);
        System.AddRange(other.System);
        Human.AddRange(other.Human);
    }

    public FunnelGroup ToGroup(string key)
    {
        int Count(LeadStatus status) => ByStatus[Array.IndexOf(Statuses, status)];
        var received = Received;
        return new FunnelGroup
        {
            Key = key,
            Received = received,
            SalesReady = received - Count(LeadStatus.Received) - Count(LeadStatus.Nurture),
            Synced = Synced,
            ContactedWithinSla = ContactedWithinSla,
            ContactedLate = ContactedLate,
            NeverContacted = NeverContacted,
            Escalated = Escalated,
            InProgress = Count(LeadStatus.SalesReady) + Count(LeadStatus.Synced) + Count(LeadStatus.Contacted),
            Converted = Count(LeadStatus.Converted),
            Contacted = Elapsed.Count,
            Recycled = Count(LeadStatus.Recycled),
            Dropped = Count(LeadStatus.Disqualified),
            ByStatus = Statuses.Select((s, i) => (s, i)).ToDictionary(x => x.s.ToString(), x => ByStatus[x.i], StringComparer.Ordinal),
            RecycledByReason = RecycledByReason.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            ReEngaged = ReEngaged,
            MarketingTouches = MarketingTouches,
            Attempts = Attempts,
            AttemptsPerLead = Synced == 0 ? null : Math.Round((double)Attempts / Synced, 2),
            CheckpointsMet = CheckpointsMet,
            CheckpointsMissed = CheckpointsMissed,
            SlaMet = SlaMet,
            SlaMissed = SlaMissed,
            SlaMetPercent = SlaMet + SlaMissed == 0 ? null : Math.Round(100.0 * SlaMet / (SlaMet + SlaMissed), 1),
            TimeToFirstTouch = Elapsed.Stats(),
            BusinessTimeToFirstTouch = Business.Stats(),
            SystemLatency = System.Stats(),
            HumanLatency = Human.Stats(),
        };
    }
}
