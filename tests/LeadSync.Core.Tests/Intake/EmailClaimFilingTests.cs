using System.Globalization;
using System.Text;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Signatures;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Testing;
using Moq;

namespace LeadSync.Core.Tests.Intake;

/// <summary>
/// Filing and the e-mail index: a first delivery from an address is filed on its claim (one index call, no lookup, no
/// second write); a known address, or one the index cannot vouch for yet, is looked up and re-entered as before.
/// </summary>
public sealed class EmailClaimFilingTests
{
    private const string Email = "ada@example.com";
    private readonly IntakeHarness _harness = new();
    private readonly Mock<ILeadEmailIndex> _index = new(MockBehavior.Strict);

    private static string IdOf(string deliveryId) => LeadIdFactory.FromDelivery("generic", deliveryId);

    [Fact]
    public async Task A_first_delivery_from_a_new_address_is_filed_on_its_claim_without_a_lookup_or_another_index_write()
    {
        _index.Setup(i => i.TryClaimAsync(Email, IdOf("msg_new"), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await _harness.Intake(_index.Object).AcceptAsync(Generic("msg_new"), CancellationToken.None);

        var accepted = Assert.Single(result.Leads);
        Assert.Equal(IdOf("msg_new"), accepted.LeadId);
        Assert.False(accepted.Duplicate);
        Assert.Equal(LeadStatus.SalesReady, (await _harness.Lead(accepted.LeadId))!.Status);
        Assert.Contains((QueueNames.LeadSync, accepted.LeadId), _harness.Enqueued);
        _index.Verify(i => i.TryClaimAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        _index.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_delivery_from_a_known_address_is_looked_up_and_re_enters_the_recycled_lead()
    {
        var recycled = await StoreAsync(LeadStatus.Recycled, _harness.Time.GetUtcNow().AddDays(-40));
        _index.Setup(i => i.TryClaimAsync(Email, IdOf("msg_back"), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _index.Setup(i => i.FindAsync(Email, It.IsAny<CancellationToken>())).ReturnsAsync([new LeadEmailEntry(recycled.Id, recycled.Id)]);
        _index.Setup(i => i.AddAsync(Email, IdOf("msg_back"), recycled.Id, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var result = await _harness.Intake(_index.Object).AcceptAsync(Generic("msg_back"), CancellationToken.None);

        Assert.Equal(recycled.Id, Assert.Single(result.Leads).LeadId);
        var lead = await _harness.Lead(recycled.Id);
        Assert.Equal(LeadStatus.SalesReady, lead!.Status);
        Assert.Equal(1, lead.ReEngagedCount);
        Assert.Null(await _harness.Lead(IdOf("msg_back")));
        _index.Verify(i => i.AddAsync(Email, IdOf("msg_back"), recycled.Id, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Without_a_claim_a_new_address_takes_the_lookup_and_records_its_own_entry()
    {
        _index.Setup(i => i.TryClaimAsync(Email, IdOf("msg_legacy"), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _index.Setup(i => i.FindAsync(Email, It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _index.Setup(i => i.AddAsync(Email, IdOf("msg_legacy"), IdOf("msg_legacy"), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var result = await _harness.Intake(_index.Object).AcceptAsync(Generic("msg_legacy"), CancellationToken.None);

        Assert.Equal(IdOf("msg_legacy"), Assert.Single(result.Leads).LeadId);
        Assert.NotNull(await _harness.Lead(IdOf("msg_legacy")));
        _index.Verify(i => i.AddAsync(Email, IdOf("msg_legacy"), IdOf("msg_legacy"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_redelivery_of_a_claimed_delivery_is_a_duplicate_of_its_own_lead()
    {
        _index.Setup(i => i.TryClaimAsync(Email, IdOf("msg_twice"), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        await _harness.Intake(_index.Object).AcceptAsync(Generic("msg_twice"), CancellationToken.None);
        var other = await StoreAsync(LeadStatus.Synced, _harness.Time.GetUtcNow());
        _index.Setup(i => i.TryClaimAsync(Email, IdOf("msg_twice"), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _index.Setup(i => i.FindAsync(Email, It.IsAny<CancellationToken>()))
            .ReturnsAsync([new LeadEmailEntry(IdOf("msg_twice"), IdOf("msg_twice")), new LeadEmailEntry(other.Id, other.Id)]);
        _index.Setup(i => i.AddAsync(Email, IdOf("msg_twice"), IdOf("msg_twice"), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var again = await _harness.Intake(_index.Object).AcceptAsync(Generic("msg_twice"), CancellationToken.None);

        var accepted = Assert.Single(again.Leads);
        Assert.Equal(IdOf("msg_twice"), accepted.LeadId);
        Assert.True(accepted.Duplicate);
        Assert.Equal(0, (await _harness.Lead(other.Id))!.AdditionalTouches);
    }

    [Fact]
    public async Task A_claimed_delivery_whose_lead_was_never_stored_joins_the_open_lead_filed_meanwhile()
    {
        // The claim recorded this delivery's entry, then the process died before the lead was written; meanwhile a
        // second delivery of the address became a lead. Filed again, it is a touch on that lead, as without the claim.
        var meanwhile = await StoreAsync(LeadStatus.Synced, _harness.Time.GetUtcNow());
        _index.Setup(i => i.TryClaimAsync(Email, IdOf("msg_crashed"), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _index.Setup(i => i.FindAsync(Email, It.IsAny<CancellationToken>()))
            .ReturnsAsync([new LeadEmailEntry(IdOf("msg_crashed"), IdOf("msg_crashed")), new LeadEmailEntry(meanwhile.Id, meanwhile.Id)]);
        _index.Setup(i => i.AddAsync(Email, IdOf("msg_crashed"), meanwhile.Id, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var result = await _harness.Intake(_index.Object).AcceptAsync(Generic("msg_crashed"), CancellationToken.None);

        Assert.Equal(meanwhile.Id, Assert.Single(result.Leads).LeadId);
        Assert.Null(await _harness.Lead(IdOf("msg_crashed")));
        Assert.Equal(1, (await _harness.Lead(meanwhile.Id))!.AdditionalTouches);
        _index.Verify(i => i.AddAsync(Email, IdOf("msg_crashed"), meanwhile.Id, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_delivery_without_an_address_never_touches_the_index()
    {
        var body = Encoding.UTF8.GetBytes("""{"type":"lead.created","data":{"phone":"+4915112345678","firstName":"Ada"}}""");

        var result = await _harness.Intake(_index.Object).AcceptAsync(Signed("msg_phone", body), CancellationToken.None);

        Assert.Single(result.Leads);
        _index.VerifyNoOtherCalls();
    }

    private async Task<Lead> StoreAsync(LeadStatus status, DateTimeOffset receivedAt)
    {
        var lead = new LeadBuilder().WithStatus(status).ReceivedAt(receivedAt).Build();
        await _harness.Store.CreateAsync(new LeadChange(lead, []), CancellationToken.None);
        return lead;
    }

    private static InboundWebhook Generic(string deliveryId) =>
        Signed(deliveryId, Encoding.UTF8.GetBytes($$$"""{"type":"lead.created","data":{"email":"{{{Email}}}","firstName":"Ada"}}"""));

    private static InboundWebhook Signed(string deliveryId, byte[] body)
    {
        var seconds = SourceCatalog.Now.ToUnixTimeSeconds();
        return WebhookBuilder.For("generic").Body(body)
            .Header("webhook-id", deliveryId)
            .Header("webhook-timestamp", seconds.ToString(CultureInfo.InvariantCulture))
            .Header("webhook-signature", StandardWebhookVerifier.Sign(SourceCatalog.GenericSecret, deliveryId, seconds, body))
            .Build();
    }
}
