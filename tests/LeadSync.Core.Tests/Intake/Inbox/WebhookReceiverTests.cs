using LeadSync.Core.Intake;
using LeadSync.Core.Leads;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadSync.Core.Tests.Intake.Inbox;

public sealed class WebhookReceiverTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private readonly InboxHarness _harness = new(new FakeTimeProvider(Now));

    [Fact]
    public async Task An_authentic_delivery_is_written_to_the_inbox_only_and_answers_the_lead_id_it_will_be_filed_under()
    {
        var check = await _harness.Receiver.ReceiveAsync(_harness.Signed("msg_1"), CancellationToken.None);

        Assert.True(check.Passed);
        Assert.Equal([LeadIdFactory.FromDelivery("generic", "msg_1")], check.LeadIds);
        Assert.Single(_harness.Inbox.Ids);
        _harness.StoredLeads(0);
        _harness.Queue.VerifyNoOtherCalls();
        Assert.Equal(1, _harness.Pump.Held);
    }

    [Fact]
    public async Task A_tampered_delivery_is_refused_and_nothing_is_written()
    {
        var tampered = _harness.Signed("msg_1") with { Body = "{\"data\":{\"email\":\"eve@example.com\"}}"u8.ToArray() };

        var check = await _harness.Receiver.ReceiveAsync(tampered, CancellationToken.None);

        Assert.Equal(RejectionKind.Unauthenticated, check.Rejection?.Kind);
        Assert.Empty(_harness.Inbox.Ids);
    }

    [Fact]
    public async Task Requests_that_fail_authentication_cost_no_storage_call_and_leave_filing_alone()
    {
        // Filing never waits for webhook requests (storage priorities instead); a forged flood must not even reach storage.
        var tampered = _harness.Signed("msg_1") with { Body = "{\"data\":{\"email\":\"eve@example.com\"}}"u8.ToArray() };

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(RejectionKind.Unauthenticated, (await _harness.Receiver.ReceiveAsync(tampered, CancellationToken.None)).Rejection?.Kind);
        }

        Assert.Empty(_harness.Inbox.Ids);
        Assert.Equal(0, _harness.Pump.Held);
        await _harness.Receiver.ReceiveAsync(_harness.Signed("msg_2"), CancellationToken.None);
        Assert.Equal(1, _harness.Pump.Held);
    }

    [Fact]
    public async Task Storage_down_at_the_inbox_write_is_a_retryable_refusal_not_an_acknowledgement()
    {
        _harness.Inbox.Down = true;

        var check = await _harness.Receiver.ReceiveAsync(_harness.Signed("msg_1"), CancellationToken.None);

        Assert.Equal(RejectionKind.StorageUnavailable, check.Rejection?.Kind);
        Assert.Equal(0, _harness.Pump.Held);
    }

    [Fact]
    public async Task The_inbox_copy_keeps_what_filing_needs_but_not_the_credentials()
    {
        await _harness.Receiver.ReceiveAsync(_harness.Signed("msg_1", query: "?key=s3cret&form=demo"), CancellationToken.None);

        var stored = Assert.Single(await _harness.Inbox.ListAsync(Now.AddSeconds(1), 10, CancellationToken.None));
        Assert.Equal("msg_1", stored.Webhook.Header("webhook-id"));
        Assert.Null(stored.Webhook.Header("Authorization"));
        Assert.False(stored.Webhook.Query.ContainsKey("key"));
        Assert.DoesNotContain("s3cret", stored.Webhook.RequestUri.ToString(), StringComparison.Ordinal);
        Assert.Equal(Now, stored.ReceivedAt);
    }
}
