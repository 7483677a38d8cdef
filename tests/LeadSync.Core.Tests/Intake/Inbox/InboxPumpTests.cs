using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Inbox;
using LeadSync.Core.Intake.Quarantine;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadSync.Core.Tests.Intake.Inbox;

public sealed class InboxPumpTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Recovery_files_deliveries_older_than_the_recovery_age_and_removes_them()
    {
        var time = new FakeTimeProvider(Now);
        var harness = new InboxHarness(time);
        await harness.Inbox.AddAsync(InboxDelivery.Arrived(harness.Signed("old"), Now), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(2));
        await harness.Inbox.AddAsync(InboxDelivery.Arrived(harness.Signed("new"), time.GetUtcNow()), CancellationToken.None);

        var filed = await harness.Pump.RecoverAsync(CancellationToken.None);

        Assert.Equal(1, filed);
        // Filed two minutes later, the lead still counts from its arrival (its SLA clock starts when the buyer submitted).
        harness.Store.Verify(s => s.CreateAsync(It.Is<LeadChange>(c => c.Lead.Id == LeadIdFactory.FromDelivery("generic", "old") && c.Lead.ReceivedAt == Now), It.IsAny<CancellationToken>()));
        harness.StoredLeads(1);
        Assert.Single(harness.Inbox.Ids);
    }

    [Fact]
    public async Task A_storage_outage_while_filing_keeps_the_delivery_in_the_inbox()
    {
        var time = new FakeTimeProvider(Now);
        var harness = new InboxHarness(time);
        harness.Store.Setup(s => s.CreateAsync(It.IsAny<LeadChange>(), It.IsAny<CancellationToken>())).ThrowsAsync(new StorageUnavailableException());
        await harness.Inbox.AddAsync(InboxDelivery.Arrived(harness.Signed("msg_1"), Now), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(2));

        var filed = await harness.Pump.RecoverAsync(CancellationToken.None);

        Assert.Equal(0, filed);
        Assert.Single(harness.Inbox.Ids);
    }

    [Fact]
    public async Task A_delivery_that_filing_keeps_failing_on_is_retried_then_quarantined_not_retried_forever()
    {
        var time = new FakeTimeProvider(Now);
        var harness = new InboxHarness(time);
        harness.Store.Setup(s => s.CreateAsync(It.IsAny<LeadChange>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("defect"));
        await harness.Inbox.AddAsync(InboxDelivery.Arrived(harness.Signed("msg_1"), Now), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(2));

        await harness.Pump.RecoverAsync(CancellationToken.None);
        await harness.Pump.RecoverAsync(CancellationToken.None);
        harness.Quarantine.VerifyNoOtherCalls();
        Assert.Single(harness.Inbox.Ids);
        await harness.Pump.RecoverAsync(CancellationToken.None);

        harness.Quarantine.Verify(q => q.AddAsync(It.Is<QuarantineItem>(i => i.Source == "generic" && i.Reason.Contains("InvalidOperationException")), It.IsAny<CancellationToken>()));
        Assert.Empty(harness.Inbox.Ids);
    }

    [Theory]
    [InlineData(100_000, 50)]
    [InlineData(10, 26)]
    public async Task A_burst_past_the_buffer_is_read_back_a_second_at_a_time_and_past_the_overflow_by_a_catch_up_scan(
        int overflow, int expectedHeld)
    {
        var harness = new InboxHarness(TimeProvider.System, new IntakeOptions { InboxBuffer = 16, InboxOverflow = overflow, InboxFilers = 2 });
        for (var i = 0; i < 50; i++)
        {
            var check = await harness.Receiver.ReceiveAsync(harness.Signed($"msg_{i}", $"lead{i}@example.com"), CancellationToken.None);
            Assert.True(check.Passed);
        }

        Assert.Equal(expectedHeld, harness.Pump.Held);
        using var stop = new CancellationTokenSource();
        var running = harness.Pump.RunAsync(stop.Token);
        await WaitUntilAsync(() => harness.Inbox.Ids.Count == 0, TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        await running;

        Assert.Empty(harness.Inbox.Ids);
        for (var i = 0; i < 50; i++)
        {
            var id = LeadIdFactory.FromDelivery("generic", $"msg_{i}");
            harness.Store.Verify(s => s.CreateAsync(It.Is<LeadChange>(c => c.Lead.Id == id), It.IsAny<CancellationToken>()), Times.AtLeastOnce());
        }

        // 34 (or 10) deliveries overflowed: read back together as the buffer made room, never one read per delivery.
        // (A read covers one arrival second: on a loaded machine the 50 arrivals span a few more seconds, so a few more reads.)
        Assert.Equal(0, harness.Inbox.Gets);
        Assert.InRange(harness.Inbox.ManyReads, 1, 8);
    }

    [Fact]
    public async Task Deliveries_left_by_a_previous_run_are_filed_at_start_up()
    {
        var harness = new InboxHarness(TimeProvider.System);
        var now = TimeProvider.System.GetUtcNow();
        await harness.Inbox.AddAsync(InboxDelivery.Arrived(harness.Signed("left"), now.AddSeconds(-5)), CancellationToken.None);

        using var stop = new CancellationTokenSource();
        var running = harness.Pump.RunAsync(stop.Token);
        await WaitUntilAsync(() => harness.Inbox.Ids.Count == 0, TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        await running;

        harness.StoredLeads(1);
    }

    [Fact]
    public async Task Filing_runs_while_webhooks_keep_arriving_at_its_full_concurrency()
    {
        var harness = new InboxHarness(TimeProvider.System, new IntakeOptions { InboxFilers = 4 });
        var current = 0;
        var most = 0;
        harness.Store.Setup(s => s.CreateAsync(It.IsAny<LeadChange>(), It.IsAny<CancellationToken>()))
            .Returns(async (LeadChange c, CancellationToken _) =>
            {
                var now = Interlocked.Increment(ref current);
                InterlockedMax(ref most, now);
                await Task.Delay(40);
                Interlocked.Decrement(ref current);
                return new LeadCreateResult(c.Lead, false);
            });
        using var stop = new CancellationTokenSource();
        var running = harness.Pump.RunAsync(stop.Token);

        // A steady stream (a request every 10 ms, never a pause): each delivery is filed while the next ones arrive.
        var arrived = new List<DateTime>();
        for (var i = 0; i < 40; i++)
        {
            await harness.Receiver.ReceiveAsync(harness.Signed($"msg_{i}", $"lead{i}@example.com"), CancellationToken.None);
            arrived.Add(DateTime.UtcNow);
            await Task.Delay(10);
        }

        var streamEnded = DateTime.UtcNow;
        await WaitUntilAsync(() => harness.Inbox.Ids.Count == 0, TimeSpan.FromSeconds(20));
        var drained = DateTime.UtcNow;
        await stop.CancelAsync();
        await running;

        Assert.Empty(harness.Inbox.Ids);
        Assert.True(drained - streamEnded < TimeSpan.FromSeconds(2), $"filing finished {(drained - streamEnded).TotalSeconds:0.0} s after the stream");
        Assert.InRange(most, 1, 4);
    }

    [Fact]
    public async Task Filing_with_the_default_filers_is_not_capped_below_100_deliveries_a_second_by_slow_storage()
    {
        // Filing a delivery is several storage steps in a row; under load they take a few hundred ms together. With
        // 32 filers an instance could not file more than ~90 deliveries/s however much storage had left.
        var harness = new InboxHarness(TimeProvider.System);
        var current = 0;
        var most = 0;
        using var release = new SemaphoreSlim(0);
        harness.Store.Setup(s => s.CreateAsync(It.IsAny<LeadChange>(), It.IsAny<CancellationToken>()))
            .Returns(async (LeadChange c, CancellationToken _) =>
            {
                InterlockedMax(ref most, Interlocked.Increment(ref current));
                await release.WaitAsync();
                Interlocked.Decrement(ref current);
                return new LeadCreateResult(c.Lead, false);
            });
        for (var i = 0; i < 200; i++)
        {
            await harness.Receiver.ReceiveAsync(harness.Signed($"msg_{i}", $"lead{i}@example.com"), CancellationToken.None);
        }

        using var stop = new CancellationTokenSource();
        var running = harness.Pump.RunAsync(stop.Token);
        await WaitUntilAsync(() => Volatile.Read(ref current) >= IntakeOptions.DefaultInboxFilers, TimeSpan.FromSeconds(10));
        var inFlight = Volatile.Read(ref most);
        release.Release(200);
        await WaitUntilAsync(() => harness.Inbox.Ids.Count == 0, TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        await running;

        // At 350 ms per filing (B6 under load), 100 filings waiting at once are 285 deliveries/s: room above 100/s.
        Assert.True(inFlight >= 100, $"only {inFlight} deliveries were filed at once");
        Assert.Equal(IntakeOptions.DefaultInboxFilers, inFlight);
        Assert.Empty(harness.Inbox.Ids);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }
}
