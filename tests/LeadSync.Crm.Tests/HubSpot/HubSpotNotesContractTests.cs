using LeadSync.Core.Crm.Touches;
using LeadSync.Core.Leads;
using LeadSync.Crm.Tests.Support;
using LeadSync.Infrastructure.Crm.Changes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Crm.Tests.HubSpot;

/// <summary>
/// The touch note against Prism serving HubSpot's published specs: the note upsert by its unique property must be a
/// valid request under the notes v3 spec, the default note→contact association PUT valid under the associations v4
/// spec (its own Prism; <see cref="PrismRouter"/> sends <c>/crm/v4/</c> there), and both 200s must be read as success.
/// </summary>
public sealed class HubSpotNotesContractTests(HubSpotNotesPrismFixture notes, HubSpotAssociationsPrismFixture associations)
    : IClassFixture<HubSpotNotesPrismFixture>, IClassFixture<HubSpotAssociationsPrismFixture>
{
    private readonly PrismProbe _probe = new();

    [Fact]
    public async Task A_touch_note_is_a_valid_upsert_by_its_unique_property_then_a_valid_default_association_and_both_200s_are_success()
    {
        var settings = CrmServices.FastResilience("LeadSync:Crm:HubSpot");
        settings["LeadSync:Crm:Provider"] = "hubspot";
        settings["LeadSync:Crm:HubSpot:BaseUrl"] = notes.BaseUri.ToString();
        settings["LeadSync:Crm:HubSpot:AccessToken"] = "pat-na1-00000000-0000-0000-0000-000000000000";
        var paths = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var sp = CrmServices.Build(settings, s =>
        {
            s.AddCrmTouchWriters(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
            s.ConfigureHttpClientDefaults(b => b
                .AddHttpMessageHandler(() => _probe)
                .AddHttpMessageHandler(() => new PrismRouter("/crm/v4/", associations.BaseUri))
                .AddHttpMessageHandler(() => new PathRecorder(paths)));
        });
        var lead = new LeadBuilder().Build() with { CrmId = "1001", Owner = "9000001", Status = LeadStatus.Synced };
        var record = new CrmTouchRecord
        {
            Key = lead.Id + "|1",
            LeadId = lead.Id,
            CrmId = "1001",
            Owner = "9000001",
            Source = "typeform",
            At = new DateTimeOffset(2026, 1, 1, 9, 30, 0, TimeSpan.Zero),
            Body = "LeadSync marketing touch\nSource: typeform",
        };

        var outcome = await sp.GetRequiredService<ICrmTouchWriter>().WriteAsync(lead, record, default);

        Assert.Empty(_probe.RequestViolations);
        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal([200, 200], _probe.Statuses);
        Assert.Equal("POST /crm/v3/objects/notes/batch/upsert", paths.First());
        Assert.Matches(@"^PUT http://127\.0\.0\.1:\d+/crm/v4/objects/notes/[^/]+/associations/default/contacts/1001$", paths.Last());
        Assert.EndsWith($":{associations.BaseUri.Port}", paths.Last().Split("/crm/v4/")[0], StringComparison.Ordinal);
    }

    /// <summary>Innermost: what was really sent, after routing.</summary>
    private sealed class PathRecorder(System.Collections.Concurrent.ConcurrentQueue<string> paths) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            paths.Enqueue(uri.AbsolutePath.StartsWith("/crm/v4/", StringComparison.Ordinal)
                ? $"{request.Method} {uri.GetLeftPart(UriPartial.Path)}"
                : $"{request.Method} {uri.AbsolutePath}");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
