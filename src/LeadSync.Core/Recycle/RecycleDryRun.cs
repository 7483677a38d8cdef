namespace LeadSync.Core.Recycle;

/// <summary>
/// Judges a stored lead as the recycle job would under <see cref="RecycleOptions"/>, reading no CRM and writing nothing:
/// the attempts trigger needs the CRM's attempt counts, so a dry run leaves it out (and says so). The target is the
/// reason's own (<see cref="RecycleTargets"/>) or <c>null</c> for the nurture tool's configured list.
/// </summary>
public sealed class RecycleDryRun(ISlaPolicy slaPolicy, RecycleOptions options)
{
    private readonly RecyclePolicy _policy = new(slaPolicy, new FixedMonitor(options));

    public RecycleVerdict Judge(Lead lead, DateTimeOffset now)
    {
        switch (lead.Status)
        {
            case LeadStatus.Nurture when lead.NurturePushedAt is null:
                return HandOver(lead, RecycleReasons.NotSalesReady, "not sales-ready: handed to nurture at once");
            case LeadStatus.Recycled when lead.NurturePushedAt is null:
                return HandOver(lead, lead.RecycleReason ?? RecycleReasons.NoProgress, "recycled; its hand-over to nurture is still due");
            case LeadStatus.Synced or LeadStatus.Contacted:
                break;
            default:
                return new RecycleVerdict(RecycleVerdict.None, null, null,
                    $"status {lead.Status}: only synced or contacted leads are recycled{(lead.NurturePushedAt is { } at ? $" (handed to nurture {Stamp(at)})" : string.Empty)}");
        }

        if (_policy.Trigger(lead, null, now) is not { } reason)
        {
            var next = _policy.NextCheckAt(lead, now);
            return new RecycleVerdict(RecycleVerdict.None, null, null,
                $"no trigger applies yet{(next is { } n ? $"; next check {Stamp(n)}" : string.Empty)} (attempt counts are not read in a dry run)");
        }

        var change = _policy.Decide(lead, null, now);
        if (change is null)
        {
            var until = lead.LastRecycledAt is { } last ? last + options.Cooldown : now;
            return new RecycleVerdict(RecycleVerdict.None, reason, null, $"{reason} applies, but the cooldown since the last recycle lasts until {Stamp(until)}");
        }

        return change.Lead.Status == LeadStatus.Disqualified
            ? new RecycleVerdict(RecycleVerdict.Close, RecycleReasons.Exhausted, null,
                $"{reason} applies after {lead.RecycleCount} recycles (maximum {options.MaxRecycles}): closed as {RecycleReasons.Exhausted}, not recycled")
            : new RecycleVerdict(RecycleVerdict.Recycle, reason, RecycleTargets.For(options, reason),
                $"{reason}: recycle {lead.RecycleCount + 1} of {options.MaxRecycles}");
    }

    private RecycleVerdict HandOver(Lead lead, string reason, string why) =>
        RecycleJob.NurtureRefusal(lead) is { } refusal
            ? new RecycleVerdict(RecycleVerdict.None, reason, null, $"{why}, but not handed over: {refusal}")
            : new RecycleVerdict(RecycleVerdict.Nurture, reason, RecycleTargets.For(options, reason), why);

    private static string Stamp(DateTimeOffset at) => at.ToString("u", CultureInfo.InvariantCulture);

    private sealed class FixedMonitor(RecycleOptions value) : IOptionsMonitor<RecycleOptions>
    {
        public RecycleOptions CurrentValue => value;

        public RecycleOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<RecycleOptions, string?> listener) => null;
    }
}
