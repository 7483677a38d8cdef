using LeadSync.Core.Leads;
using LeadSync.Core.Recycle;
using LeadSync.Core.Sla;
using LeadSync.Core.Tests.Sla.Policies;

namespace LeadSync.Core.Tests.Recycle;

public sealed class RecycleDryRunTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly RecycleOptions _options = new() { NoProgressWindow = TimeSpan.FromDays(14), Cooldown = TimeSpan.FromDays(30), MaxRecycles = 2 };

    private RecycleDryRun DryRun() => new(new RoundTheClockSlaPolicy(new FixedOptionsMonitor<SlaOptions>(new SlaOptions())), _options);

    private static Lead Synced() => new LeadBuilder().ReceivedAt(Received)
        .With(l => l with { Status = LeadStatus.Synced, SyncedAt = Received, StatusChangedAt = Received, SlaDueAt = Received.AddHours(1) }).Build();

    [Fact]
    public void A_stale_lead_would_be_recycled_for_no_progress_to_the_reasons_own_target()
    {
        _options.Targets["no-progress"] = "list-stale";

        var verdict = DryRun().Judge(Synced(), Received.AddDays(15));

        Assert.Equal(RecycleVerdict.Recycle, verdict.Decision);
        Assert.Equal(RecycleReasons.NoProgress, verdict.Reason);
        Assert.Equal("list-stale", verdict.Target);
    }

    [Fact]
    public void A_fresh_lead_would_not_be_recycled_and_the_verdict_says_when_it_is_looked_at_next()
    {
        var verdict = DryRun().Judge(Synced(), Received.AddDays(3));

        Assert.Equal(RecycleVerdict.None, verdict.Decision);
        Assert.Contains("no trigger applies yet; next check 2026-11-15 09:00:00Z", verdict.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Inside_the_cooldown_the_verdict_names_the_reason_and_when_the_cooldown_ends()
    {
        var lead = Synced() with { RecycleCount = 1, LastRecycledAt = Received.AddDays(1) };

        var verdict = DryRun().Judge(lead, Received.AddDays(15));

        Assert.Equal(RecycleVerdict.None, verdict.Decision);
        Assert.Equal(RecycleReasons.NoProgress, verdict.Reason);
        Assert.Contains("cooldown", verdict.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Past_the_maximum_the_lead_would_be_closed_not_recycled()
    {
        var lead = Synced() with { RecycleCount = 2, LastRecycledAt = Received.AddDays(-60) };

        var verdict = DryRun().Judge(lead, Received.AddDays(15));

        Assert.Equal(RecycleVerdict.Close, verdict.Decision);
        Assert.Equal(RecycleReasons.Exhausted, verdict.Reason);
    }

    [Fact]
    public void A_lead_not_sales_ready_goes_to_the_not_sales_ready_target_unless_it_declined_marketing()
    {
        _options.Targets["NotSalesReady"] = "list-nurture";
        var nurture = Synced() with { Status = LeadStatus.Nurture };

        var handed = DryRun().Judge(nurture, Received.AddDays(1));
        var declined = DryRun().Judge(nurture with { Consent = new ConsentFlags { Marketing = false } }, Received.AddDays(1));

        Assert.Equal((RecycleVerdict.Nurture, "list-nurture"), (handed.Decision, handed.Target));
        Assert.Equal(RecycleVerdict.None, declined.Decision);
        Assert.Contains("did not consent", declined.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_converted_lead_is_never_recycled()
    {
        var verdict = DryRun().Judge(Synced() with { Status = LeadStatus.Converted }, Received.AddDays(60));

        Assert.Equal(RecycleVerdict.None, verdict.Decision);
        Assert.StartsWith("status Converted", verdict.Why, StringComparison.Ordinal);
    }
}
