namespace LeadSync.Core.Sla.Policies;

/// <summary>
/// The tiered policy: picks the lead's tier by the ordered <c>LeadSync:Sla:Policies</c> rules and counts its
/// deadline and escalation offsets in business time on that tier's calendar. With no policies configured it gives
/// exactly the answers of <see cref="RoundTheClockSlaPolicy"/>.
/// </summary>
public sealed class CalendarSlaPolicy(IOptionsMonitor<SlaOptions> options) : ISlaPolicy
{
    private SlaTierCatalog? _catalog;

    /// <summary>The tier that applies to the lead (re-read on every call, so a settings reload takes effect).</summary>
    public SlaTier TierFor(Lead lead)
    {
        return Catalog().Select(lead);
    }

    public DateTimeOffset FirstTouchDeadline(Lead lead)
    {
        var tier = TierFor(lead);
        return tier.Calendar.AddBusinessTime(lead.ReceivedAt, tier.FirstTouch);
    }

    public int LevelCount(Lead lead) => TierFor(lead).Levels.Count;

    public DateTimeOffset LevelDueAt(Lead lead, int level)
    {
        var tier = TierFor(lead);
        var deadline = lead.SlaDueAt ?? tier.Calendar.AddBusinessTime(lead.ReceivedAt, tier.FirstTouch);
        return tier.Calendar.AddBusinessTime(deadline, tier.Levels[level - 1].After);
    }

    public string Recipient(Lead lead, int level) => TierFor(lead).Levels[level - 1].Recipient;

    public string Action(Lead lead, int level) => TierFor(lead).Levels[level - 1].Action;

    public string PolicyName(Lead lead) => TierFor(lead).Name;

    public FollowUpCadence? FollowUp(Lead lead) => TierFor(lead).FollowUp;

    public Cadence.CadencePolicy? Cadence(Lead lead) => TierFor(lead).Cadence;

    public TimeSpan BusinessTimeBetween(Lead lead, DateTimeOffset from, DateTimeOffset to) =>
        TierFor(lead).Calendar.BusinessTimeBetween(from, to);

    public DateTimeOffset AddBusinessTime(Lead lead, DateTimeOffset start, TimeSpan duration) =>
        TierFor(lead).Calendar.AddBusinessTime(start, duration);

    private SlaTierCatalog Catalog()
    {
        // Compiled once per options snapshot; a reload yields a new snapshot and so a new catalog.
        var current = options.CurrentValue;
        var catalog = Volatile.Read(ref _catalog);
        if (catalog is null || !ReferenceEquals(catalog.Source, current))
        {
            catalog = SlaTierCatalog.Compile(current);
            Volatile.Write(ref _catalog, catalog);
        }

        return catalog;
    }
}
