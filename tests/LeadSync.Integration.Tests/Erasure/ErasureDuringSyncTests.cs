using System.Collections.Concurrent;
using LeadSync.Core.Crm;
using LeadSync.Core.Intake.Erasure;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Integration.Tests.Crm;
using LeadSync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace LeadSync.Integration.Tests.Erasure;

/// <summary>
/// A lead erased while its CRM upsert is in flight: the erasure asks the CRM first and finds nothing (the record does
/// not exist yet), then the upsert creates it with the data read before the erasure. The sync must notice and delete
/// that record again, and must not mark the erased lead synced.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ErasureDuringSyncTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Email = "late.erasure@example.com";
    private readonly ConcurrentDictionary<string, string> _crmRecords = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ErasureIdentity> _crmDeletes = new();
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        var crm = MockCrm.Answering(async (leads, ct) =>
        {
            // The erasure arrives while the CRM is still working on the upsert.
            await _services.Get<LeadErasure>().RequestAsync(new ErasureRequest(Email, null, "key:0123456789ab", "subject asked"), ct);
            return [.. leads.Select(l =>
            {
                _crmRecords[l.Id] = l.Contact.Email ?? string.Empty;
                return MockCrm.Taken(l);
            })];
        });
        crm.Setup(c => c.EraseAsync(It.IsAny<ErasureIdentity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ErasureIdentity subject, CancellationToken ct) =>
            {
                _crmDeletes.Enqueue(subject);
                return _crmRecords.TryRemove(subject.LeadId, out _) ? TargetErasure.Erased("crm:test-crm") : TargetErasure.NotFound("crm:test-crm");
            });
        _services = MockCrm.Services(azurite, crm);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task The_record_an_in_flight_upsert_created_after_the_erasure_is_deleted_and_the_lead_is_not_marked_synced()
    {
        var lead = await Pipeline.IntakeAsync(_services, Email);

        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);

        Assert.Empty(_crmRecords);
        Assert.Equal([(lead, (string?)null), (lead, "crm-" + lead)], _crmDeletes.Select(d => (d.LeadId, d.CrmId)));
        var stored = (await _services.Get<ILeadStore>().GetAsync(lead, CancellationToken.None))!;
        Assert.NotEqual(LeadStatus.Synced, stored.Status);
        Assert.Null(stored.Contact.Email);
        var record = (await _services.Get<IErasureLog>().GetAsync(ErasureRecord.KeyForLead(lead), CancellationToken.None))!;
        var crm = Assert.Single(record.Targets, t => t.Target == "crm:test-crm");
        Assert.Equal(ErasureStatus.Erased, crm.Status);
        Assert.Equal(LeadSyncer.ErasureActor, record.LastRequestedBy);
        Assert.False(record.IsPending);
    }
}
