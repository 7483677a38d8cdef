using System.Globalization;
using System.Text;
using LeadSync.Core.Crm;
using LeadSync.Core.Crm.DeadLetters;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Erasure;
using LeadSync.Core.Intake.Inbox;
using LeadSync.Core.Intake.Quarantine;
using LeadSync.Core.Intake.Signatures;
using LeadSync.Core.Leads;
using LeadSync.Core.Notifications;
using LeadSync.Core.Recycle;
using LeadSync.Core.Reports;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Notifications;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace LeadSync.Integration.Tests.Erasure;

/// <summary>
/// Erasure on Azurite: after a subject's leads went through intake, CRM sync, nurture, escalation, quarantine, dead
/// letters and the inbox, no table holds the e-mail, the name or the phone; a repeat answers the same record.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ErasureTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Email = "Erase.Me@Example.com";
    private const string FirstName = "Zebulon";
    private const string LastName = "Quixote";
    private const string Phone = "+44 20 7946 0958";
    private static readonly string[] Pii = ["erase.me@example.com", "erase.me%40example.com", FirstName, LastName, "7946 0958", "79460958"];
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private InboundWebhook Signed(string json, string? id = null)
    {
        id ??= "msg_" + Guid.NewGuid().ToString("N");
        var body = Encoding.UTF8.GetBytes(json);
        var ts = _services.Time.GetUtcNow().ToUnixTimeSeconds();
        return new InboundWebhook
        {
            Source = "generic",
            Method = "POST",
            RequestUri = new Uri("http://localhost/api/webhooks/generic"),
            ContentType = "application/json",
            Body = body,
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["webhook-id"] = id,
                ["webhook-timestamp"] = ts.ToString(CultureInfo.InvariantCulture),
                ["webhook-signature"] = StandardWebhookVerifier.Sign(TestServices.GenericSecret, id, ts, body),
            },
        };
    }

    private static string Submission(string email = Email, string first = FirstName, string last = LastName, string phone = Phone) =>
        $$$"""{"type":"lead.created","data":{"email":"{{{email}}}","firstName":"{{{first}}}","lastName":"{{{last}}}","phone":"{{{phone}}}","company":"Windmills Ltd","campaign":"spring"}}""";

    private async Task<string> IntakeAsync(string email = Email, string first = FirstName, string last = LastName, string phone = Phone)
    {
        var result = await _services.Get<WebhookIntake>().AcceptAsync(Signed(Submission(email, first, last, phone)), CancellationToken.None);
        Assert.True(result.IsAccepted, result.Rejection?.Detail);
        return result.Leads[0].LeadId;
    }

    /// <summary>A lead whose touch URL and marketing.touch timeline entry carry the e-mail (a form page with ?email=).</summary>
    private async Task<string> LeadWithTouchUrlAsync()
    {
        var now = _services.Time.GetUtcNow();
        var id = LeadIdFactory.FromDelivery("unbounce", "touch-" + Guid.NewGuid().ToString("N"));
        var touch = new MarketingTouch { PageUrl = "https://example.com/form?email=erase.me%40example.com&utm_source=mail", UtmSource = "mail" };
        var lead = new Lead
        {
            Id = id,
            Source = "unbounce",
            DeliveryKey = "touch",
            ReceivedAt = now,
            StatusChangedAt = now,
            Status = LeadStatus.SalesReady,
            Contact = new ContactDetails { Email = Email, FirstName = FirstName, LastName = LastName, Country = "GB" },
            Touch = touch,
            RawPayload = "email=erase.me%40example.com&name=Zebulon",
            Consent = new ConsentFlags { Marketing = true },
        };
        await _services.Get<ILeadStore>().CreateAsync(new LeadChange(lead, [
            new TimelineEntry(now, "intake", LeadEvents.Received, "Received from unbounce."),
            new TimelineEntry(now, "intake", LeadEvents.MarketingTouch, touch.Describe())]), CancellationToken.None);
        await _services.Get<ILeadEmailIndex>().AddAsync(Email, id, id, CancellationToken.None);
        return id;
    }

    private async Task SeedTracesAsync(string leadId)
    {
        var now = _services.Time.GetUtcNow();
        var lead = (await _services.Get<ILeadStore>().GetAsync(leadId, CancellationToken.None))!;
        await _services.Get<INurtureTarget>().PushAsync(lead, RecycleReasons.NoProgress, null, CancellationToken.None);
        await _services.Get<OutboxNotifier>().SendAsync(new EscalationMessage
        {
            NoticeId = "n|01",
            LeadId = leadId,
            Level = 1,
            Recipient = "rep@seller.example",
            LeadName = lead.Contact.DisplayName,
            Company = "Windmills Ltd",
            Source = "generic",
            ReceivedAt = now,
            DeadlineAt = now,
            Late = TimeSpan.FromMinutes(5),
            LeadLink = new Uri("http://localhost/api/leads/" + leadId),
        }, CancellationToken.None);
        await _services.Get<IDeadLetterStore>().AddAsync(new DeadLetter
        {
            Id = "dl_" + leadId,
            LeadId = leadId,
            Crm = "hubspot",
            Reason = "Contact already exists: erase.me@example.com",
            Kind = CrmOutcomeKind.Permanent,
            Attempts = 5,
            At = now,
        }, CancellationToken.None);
        await _services.Get<IQuarantineStore>().AddAsync(new QuarantineItem
        {
            Id = $"q_{now.UtcTicks:D19}_{Guid.NewGuid():N}"[..32],
            Source = "generic",
            ReceivedAt = now,
            Reason = "unmappable",
            RequestUri = new Uri("http://localhost/api/webhooks/generic"),
            Body = Encoding.UTF8.GetBytes(Submission()),
        }, CancellationToken.None);
        await _services.Get<IIntakeInbox>().AddAsync(InboxDelivery.Arrived(Signed(Submission()), now), CancellationToken.None);
    }

    [Fact]
    public async Task After_erasure_by_email_no_table_holds_the_email_the_name_or_the_phone_and_the_anonymized_leads_remain()
    {
        var first = await IntakeAsync();
        var second = await IntakeAsync(Email.ToUpperInvariant());
        var touched = await LeadWithTouchUrlAsync();
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        await SeedTracesAsync(first);
        var bystander = await IntakeAsync("someone.else@example.com", "Ada", "Lovelace", "+44 20 7000 0001");
        Assert.NotEmpty(await PersonalDataScan.FindAsync(azurite.ConnectionString, _services.Prefix, Pii));

        var record = await _services.Get<LeadErasure>().RequestAsync(new ErasureRequest(Email, null, "key:0123456789ab", "Subject asked by e-mail."), CancellationToken.None);

        Assert.Empty(await PersonalDataScan.FindAsync(azurite.ConnectionString, _services.Prefix, Pii));
        Assert.Equal(new[] { first, second, touched }.Distinct().Order(StringComparer.Ordinal), record.LeadIds);
        Assert.Equal(record.LeadIds.Count, record.Erased["leads"]);
        Assert.Equal(1, record.Erased["inbox"]);
        Assert.Equal(1, record.Erased["quarantine"]);
        Assert.Equal(1, record.Erased["outbox"]);
        Assert.Equal(1, record.Erased["dead-letters"]);
        Assert.True(record.Erased["timeline"] >= 1);
        Assert.False(record.IsPending);
        Assert.Contains(record.Targets, t => t.Target == "crm:sandbox" && t.LeadId == first && t.Status == ErasureStatus.Erased);
        Assert.Contains(record.Targets, t => t.Target == "nurture:sandbox nurture list" && t.LeadId == first && t.Status == ErasureStatus.Erased);
        Assert.Contains(record.Targets, t => t.Target == "crm:sandbox" && t.LeadId == touched && t.Status == ErasureStatus.NotFound);

        var store = _services.Get<ILeadStore>();
        var kept = (await store.GetAsync(first, CancellationToken.None))!;
        Assert.Equal(("generic", LeadStatus.Synced), (kept.Source, kept.Status));
        Assert.Null(kept.Contact.Email);
        Assert.Null(kept.RawPayload);
        Assert.Single(await store.GetTimelineAsync(first, CancellationToken.None), e => e.Event == LeadEvents.Erased);
        Assert.NotNull(await _services.Get<IFunnelIndex>().GetAsync(DateOnly.FromDateTime(kept.ReceivedAt.UtcDateTime), first, kept.IndexShard, CancellationToken.None));
        Assert.Empty(await _services.Get<ILeadEmailIndex>().FindAsync(Email, CancellationToken.None));
        Assert.Equal("someone.else@example.com", (await store.GetAsync(bystander, CancellationToken.None))!.Contact.Email);
        Assert.Single(await _services.Get<ILeadEmailIndex>().FindAsync("someone.else@example.com", CancellationToken.None));
    }

    [Fact]
    public async Task Asking_twice_erases_nothing_more_and_answers_the_same_record_with_both_requests_audited()
    {
        var lead = await IntakeAsync();
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        var erasure = _services.Get<LeadErasure>();

        var first = await erasure.RequestAsync(new ErasureRequest(Email, null, "key:0123456789ab", "first"), CancellationToken.None);
        _services.Time.Advance(TimeSpan.FromHours(1));
        var second = await erasure.RequestAsync(new ErasureRequest(Email.ToLowerInvariant(), null, "entra:dpo@seller.example", "second"), CancellationToken.None);

        Assert.Equal(first.Key, second.Key);
        Assert.Equal([lead], second.LeadIds);
        Assert.Equal(first.Erased, second.Erased);
        Assert.Equal(first.Targets.Select(t => (t.Target, t.Status)), second.Targets.Select(t => (t.Target, t.Status)));
        Assert.Equal((2, "key:0123456789ab", "entra:dpo@seller.example"), (second.Requests, second.FirstRequestedBy, second.LastRequestedBy));
        var audit = await _services.Get<IErasureLog>().GetAuditAsync(first.Key, CancellationToken.None);
        Assert.Equal(["key:0123456789ab", "entra:dpo@seller.example"], audit.Select(a => a.Actor));
        Assert.Equal(1, (await _services.Get<ILeadStore>().GetTimelineAsync(lead, CancellationToken.None)).Count(e => e.Event == LeadEvents.Erased));
    }

    [Fact]
    public async Task A_sync_still_queued_for_an_erased_lead_does_not_recreate_the_crm_record()
    {
        var lead = await IntakeAsync();

        await _services.Get<LeadErasure>().RequestAsync(new ErasureRequest(Email, null, "key:0123456789ab", "r"), CancellationToken.None);
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);

        var table = await _services.Get<StorageClients>().TableAsync(TableNames.SandboxCrm, CancellationToken.None);
        Assert.False((await table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(LeadSync.Infrastructure.Crm.Sandbox.SandboxCrmGateway.PartitionOf(lead), lead)).HasValue);
        Assert.Equal(LeadStatus.SalesReady, (await _services.Get<ILeadStore>().GetAsync(lead, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task An_unknown_email_erases_nothing_and_says_so()
    {
        var record = await _services.Get<LeadErasure>().RequestAsync(new ErasureRequest("nobody@example.com", null, "key:0123456789ab", "r"), CancellationToken.None);

        Assert.Empty(record.LeadIds);
        Assert.Empty(record.Erased);
        Assert.Empty(record.Targets);
        Assert.StartsWith("email-sha256:", record.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("nobody", record.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vendor_deletion_queued_as_a_lead_id_takes_the_same_path_and_deletes_the_crm_record()
    {
        var lead = await IntakeAsync();
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        await _services.Get<IWorkQueue>().EnqueueAsync(QueueNames.LeadErase, lead, CancellationToken.None);

        await Pipeline.DrainAsync(_services, QueueNames.LeadErase);

        Assert.Empty(await PersonalDataScan.FindAsync(azurite.ConnectionString, _services.Prefix, Pii));
        var record = (await _services.Get<IErasureLog>().GetAsync(ErasureRecord.KeyForLead(lead), CancellationToken.None))!;
        Assert.Equal(("vendor:generic", 1), (record.FirstRequestedBy, record.Erased["leads"]));
        Assert.Contains(record.Targets, t => t.Target == "crm:sandbox" && t.Status == ErasureStatus.Erased);
        var entry = (await _services.Get<ILeadStore>().GetTimelineAsync(lead, CancellationToken.None)).Single(e => e.Event == LeadEvents.Erased);
        Assert.Equal((LeadEvents.Erased, "vendor:generic"), (entry.Event, entry.Actor));
    }

    [Fact]
    public async Task A_nurture_deletion_that_fails_is_kept_pending_and_finished_by_the_queued_retry()
    {
        var nurture = new Mock<INurtureTarget>();
        nurture.SetupGet(n => n.Name).Returns("flaky list");
        nurture.SetupSequence(n => n.EraseAsync(It.IsAny<ErasureIdentity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(TargetErasure.Failure("nurture:flaky list", transient: true, "503"))
            .ReturnsAsync(TargetErasure.Erased("nurture:flaky list"));
        await using var services = TestServices.Create(azurite.ConnectionString, configure: s => s.AddSingleton(nurture.Object));
        var result = await services.Get<WebhookIntake>().AcceptAsync(Pipeline.SignedGeneric(services, "flaky@example.com"), CancellationToken.None);
        var lead = result.Leads[0].LeadId;

        var pending = await services.Get<LeadErasure>().RequestAsync(new ErasureRequest("flaky@example.com", null, "key:0123456789ab", "r"), CancellationToken.None);

        Assert.True(pending.IsPending);
        Assert.Equal(ErasureStatus.Pending, pending.Targets.Single(t => t.Target == "nurture:flaky list").Status);
        Assert.Equal("flaky@example.com", pending.PendingIdentities.Single().Email);
        var handled = await Pipeline.DrainAsync(services, QueueNames.LeadErase);
        Assert.Equal([LeadErasure.RetryPrefix + pending.Key], handled);
        var done = (await services.Get<IErasureLog>().GetAsync(pending.Key, CancellationToken.None))!;
        Assert.False(done.IsPending);
        Assert.Empty(done.PendingIdentities);
        Assert.Equal((ErasureStatus.Erased, 2), (done.Targets.Single(t => t.Target == "nurture:flaky list").Status, done.Targets.Single(t => t.Target == "nurture:flaky list").Attempts));
        Assert.Empty(await PersonalDataScan.FindAsync(azurite.ConnectionString, services.Prefix, "flaky@example.com"));
        Assert.Equal(lead, Assert.Single(done.LeadIds));
    }
}
