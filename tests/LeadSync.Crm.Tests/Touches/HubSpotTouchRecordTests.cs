using LeadSync.Core.Crm;
using LeadSync.Core.Crm.Touches;
using LeadSync.Core.Leads;
using LeadSync.Crm.Tests.Support;
using LeadSync.Infrastructure.Crm.Changes;
using LeadSync.Testing.Crm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadSync.Crm.Tests.Touches;

/// <summary>Marketing touches as HubSpot notes associated to the contact, against the HubSpot simulator.</summary>
public sealed class HubSpotTouchRecordTests : IAsyncLifetime
{
    private HubSpotSimulator _stub = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _stub = await HubSpotSimulator.StartAsync();
        var settings = CrmServices.FastResilience("LeadSync:Crm:HubSpot");
        settings["LeadSync:Crm:Provider"] = "hubspot";
        settings["LeadSync:Crm:HubSpot:BaseUrl"] = _stub.BaseUri.ToString();
        settings["LeadSync:Crm:HubSpot:AccessToken"] = "pat-test";
        _services = CrmServices.Build(settings, s => s.AddCrmTouchWriters(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _stub.DisposeAsync();
    }

    [Fact]
    public async Task Each_touch_becomes_one_note_on_the_contact_timeline_once()
    {
        var lead = new LeadBuilder().Build();
        var synced = (await _services.Gateway().UpsertAsync([lead], default)).Single();
        var harness = new TouchRecorderHarness(_services, lead with { CrmId = synced.CrmId, Owner = synced.Owner, Status = Core.Leads.LeadStatus.Synced });

        var first = await harness.Recorder.RecordAsync(lead.Id, default);
        var again = await harness.Recorder.RecordAsync(lead.Id, default);

        Assert.True(first.Completed && again.Completed, first.Detail);
        Assert.Equal(2, _stub.Notes.Count);
        Assert.All(_stub.Notes, n => Assert.Equal(synced.CrmId, n.ContactId));
        Assert.Equal(["2026-11-23T09:00:00.000Z", "2026-11-25T14:00:00.000Z"], _stub.Notes.Select(n => n.Timestamp).Order(StringComparer.Ordinal));
        Assert.Contains(_stub.Notes, n => n.Body.StartsWith("Marketing touch: unbounce", StringComparison.Ordinal) && n.Body.Contains("campaign Q4 webinar", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_retry_after_a_lost_answer_leaves_one_note_associated_to_the_contact()
    {
        var lead = new LeadBuilder().Build();
        var synced = (await _services.Gateway().UpsertAsync([lead], default)).Single();
        var record = Record(lead, synced.CrmId!);
        var writer = _services.GetRequiredService<ICrmTouchWriter>();

        var first = await writer.WriteAsync(lead, record, default);
        var retry = await writer.WriteAsync(lead, record, default);

        Assert.True(first.Succeeded, first.Reason);
        Assert.True(retry.Succeeded, retry.Reason);
        Assert.Equal(["upsert", "associate", "upsert", "associate"], _stub.NoteCalls);
        var note = Assert.Single(_stub.Notes);
        Assert.Equal(synced.CrmId, note.ContactId);
        Assert.Equal("2026-11-23T09:00:00.000Z", note.Timestamp);
    }

    [Fact]
    public async Task A_failed_association_is_retryable_and_the_retry_associates_the_same_note()
    {
        var lead = new LeadBuilder().Build();
        var synced = (await _services.Gateway().UpsertAsync([lead], default)).Single();
        var record = Record(lead, synced.CrmId!);
        var writer = _services.GetRequiredService<ICrmTouchWriter>();
        _stub.AssociationFaults.FailNext(1, 503, """{"status":"error","message":"Service Unavailable","category":"SERVICE_UNAVAILABLE"}""");

        var failed = await writer.WriteAsync(lead, record, default);
        var unassociated = Assert.Single(_stub.Notes);
        var retry = await writer.WriteAsync(lead, record, default);

        Assert.Equal(CrmOutcomeKind.Transient, failed.Kind);
        Assert.True(retry.Succeeded, retry.Reason);
        Assert.Equal("", unassociated.ContactId);
        Assert.Equal(synced.CrmId, Assert.Single(_stub.Notes).ContactId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_note_id_property_stops_the_host_with_its_key(string value)
    {
        var settings = CrmServices.FastResilience("LeadSync:Crm:HubSpot");
        settings["LeadSync:Crm:Provider"] = "hubspot";
        settings["LeadSync:Crm:HubSpot:BaseUrl"] = _stub.BaseUri.ToString();
        settings["LeadSync:Crm:HubSpot:AccessToken"] = "pat-test";
        settings["LeadSync:Crm:Touches:HubSpot:NoteIdProperty"] = value;
        using var sp = CrmServices.Build(settings, s => s.AddCrmTouchWriters(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));

        var ex = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("LeadSync:Crm:Touches:HubSpot:NoteIdProperty", ex.Message, StringComparison.Ordinal);
    }

    private static CrmTouchRecord Record(Lead lead, string crmId) => new()
    {
        Key = lead.Id + "|" + TouchRecorderHarness.FirstAt.ToUnixTimeMilliseconds(),
        LeadId = lead.Id,
        CrmId = crmId,
        Owner = HubSpotSimulator.OwnerId,
        Source = "typeform",
        At = TouchRecorderHarness.FirstAt,
        Body = "LeadSync marketing touch\nSource: typeform",
    };
}
