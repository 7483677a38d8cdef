using LeadSync.Core.Crm;
using LeadSync.Core.Crm.DeadLetters;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace LeadSync.Integration.Tests.Crm;

[Collection(AzuriteCollection.Name)]
public sealed class DeadLetterTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly Mock<ICrmGateway> _crm = new();
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _crm.SetupGet(c => c.Name).Returns("flaky-crm");
        _crm.Setup(c => c.UpsertAsync(It.IsAny<IReadOnlyList<Lead>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<Lead> leads, CancellationToken _) =>
                leads.Select(l => new CrmUpsertResult(l.Id, new CrmOutcome(CrmOutcomeKind.Permanent, "REQUIRED_FIELD_MISSING: Company"))).ToList());
        _services = TestServices.Create(azurite.ConnectionString, configure: s => s.AddSingleton(_crm.Object));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task A_permanent_crm_refusal_is_dead_lettered_with_the_reason_and_a_replay_syncs_it_once_fixed()
    {
        var leadId = await Pipeline.IntakeAsync(_services, "refused@example.com");
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);

        var deadLetter = Assert.Single(await _services.Get<IDeadLetterStore>().ListAsync(10, CancellationToken.None));
        Assert.Equal(leadId, deadLetter.LeadId);
        Assert.Equal("REQUIRED_FIELD_MISSING: Company", deadLetter.Reason);
        var timeline = await _services.Get<ILeadStore>().GetTimelineAsync(leadId, CancellationToken.None);
        Assert.Contains(timeline, e => e.Event == LeadEvents.DeadLettered);

        _services.Time.Advance(TimeSpan.FromMinutes(10));
        await Pipeline.RunJobAsync(_services, LeadSync.Core.Jobs.JobNames.Redrive);
        Assert.Empty(await Pipeline.DrainAsync(_services, QueueNames.LeadSync));

        _crm.Setup(c => c.UpsertAsync(It.IsAny<IReadOnlyList<Lead>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<Lead> leads, CancellationToken _) =>
                leads.Select(l => new CrmUpsertResult(l.Id, CrmOutcome.Success, "003-fixed", "rep")).ToList());
        var replayed = await _services.Get<DeadLetterReplay>().ReplayAsync(deadLetter.Id, "admin", CancellationToken.None);
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);

        Assert.NotNull(replayed!.ReplayedAt);
        var lead = await _services.Get<ILeadStore>().GetAsync(leadId, CancellationToken.None);
        Assert.Equal(LeadStatus.Synced, lead!.Status);
        Assert.Equal("003-fixed", lead.CrmId);
    }

    [Fact]
    public async Task Transient_failures_never_use_attempts_and_never_dead_letter()
    {
        // Issue 18: before, each 503 used one of the 8 attempts and the 8th dead-lettered the lead.
        _crm.Setup(c => c.UpsertAsync(It.IsAny<IReadOnlyList<Lead>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<Lead> leads, CancellationToken _) =>
                leads.Select(l => new CrmUpsertResult(l.Id, new CrmOutcome(CrmOutcomeKind.Transient, "503"))).ToList());
        var leadId = await Pipeline.IntakeAsync(_services, "flaky@example.com");
        var syncer = _services.Get<LeadSyncer>();

        var outcomes = new List<LeadSync.Core.Jobs.WorkOutcome>();
        for (var i = 0; i < 12; i++)
        {
            outcomes.Add(await syncer.SyncAsync(leadId, CancellationToken.None));
            _services.Time.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.All(outcomes, o => Assert.True(o.Deferred, o.Detail));
        Assert.Empty(await _services.Get<IDeadLetterStore>().ListAsync(10, CancellationToken.None));
        var lead = await _services.Get<ILeadStore>().GetAsync(leadId, CancellationToken.None);
        Assert.Equal((LeadStatus.SalesReady, 0), (lead!.Status, lead.SyncAttempts));
    }

    [Fact]
    public async Task Refusals_of_the_lead_use_attempts_until_the_limit_then_dead_letter()
    {
        _crm.Setup(c => c.UpsertAsync(It.IsAny<IReadOnlyList<Lead>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<Lead> leads, CancellationToken _) =>
                leads.Select(l => new CrmUpsertResult(l.Id, new CrmOutcome(CrmOutcomeKind.Transient, "UNABLE_TO_LOCK_ROW") { AboutRecord = true })).ToList());
        var leadId = await Pipeline.IntakeAsync(_services, "locked@example.com");
        var syncer = _services.Get<LeadSyncer>();

        var outcomes = new List<LeadSync.Core.Jobs.WorkOutcome>();
        for (var i = 0; i < 8; i++)
        {
            outcomes.Add(await syncer.SyncAsync(leadId, CancellationToken.None));
        }

        Assert.All(outcomes.Take(7), o => Assert.False(o.Completed));
        Assert.True(outcomes[7].Completed);
        var deadLetter = Assert.Single(await _services.Get<IDeadLetterStore>().ListAsync(10, CancellationToken.None));
        Assert.Contains("UNABLE_TO_LOCK_ROW", deadLetter.Reason, StringComparison.Ordinal);
        Assert.True((await syncer.SyncAsync(leadId, CancellationToken.None)).Completed);
        _crm.Verify(c => c.UpsertAsync(It.IsAny<IReadOnlyList<Lead>>(), It.IsAny<CancellationToken>()), Times.Exactly(8));
    }
}
