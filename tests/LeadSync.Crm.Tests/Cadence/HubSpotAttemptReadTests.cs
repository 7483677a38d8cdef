using LeadSync.Core.Crm;
using LeadSync.Crm.Tests.Support;
using LeadSync.Testing.Crm;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Crm.Tests.Cadence;

/// <summary>The cadence's activity read against the HubSpot stub: calls, e-mails and meetings associated with the contacts.</summary>
public sealed class HubSpotAttemptReadTests : IAsyncLifetime
{
    private HubSpotSimulator _stub = null!;

    public async Task InitializeAsync() => _stub = await HubSpotSimulator.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private ServiceProvider Services(Action<Dictionary<string, string?>>? tweak = null)
    {
        var settings = CrmServices.FastResilience("LeadSync:Crm:HubSpot");
        settings["LeadSync:Crm:Provider"] = "hubspot";
        settings["LeadSync:Crm:HubSpot:BaseUrl"] = _stub.BaseUri.ToString();
        settings["LeadSync:Crm:HubSpot:AccessToken"] = "pat-test";
        tweak?.Invoke(settings);
        return CrmServices.Build(settings);
    }

    [Fact]
    public async Task Attempts_are_the_calls_outgoing_emails_and_meetings_with_their_times_following_after_cursors()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();
        var leads = LeadBuilder.Many(3);
        var results = await gateway.UpsertAsync(leads, default);

        // The first lead is known by its contact id, the second only by e-mail.
        leads[0] = leads[0] with { CrmId = results[0].CrmId };
        var first = new DateTimeOffset(2026, 11, 23, 10, 15, 0, TimeSpan.Zero);
        for (var i = 0; i < 5; i++)
        {
            _stub.AddEngagement(leads[0].Contact.Email!, "calls", first.AddHours(i));
        }

        _stub.AddEngagement(leads[0].Contact.Email!, "emails", first.AddMinutes(10), "EMAIL");
        _stub.AddEngagement(leads[0].Contact.Email!, "emails", first.AddMinutes(20), "INCOMING_EMAIL");
        _stub.AddEngagement(leads[0].Contact.Email!, "meetings", first.AddDays(1));
        _stub.AddEngagement(leads[1].Contact.Email!, "calls", first);
        _stub.AssociationPageSize = 2;

        var attempts = await gateway.ReadAttemptsAsync(leads, default);

        Assert.Equal([first, first.AddMinutes(10), first.AddHours(1), first.AddHours(2), first.AddHours(3), first.AddHours(4), first.AddDays(1)], attempts[0].At);
        Assert.Equal([first], attempts[1].At);
        Assert.Empty(attempts[2].At);

        // Calls: one batch read for all contacts, then two more for the contact whose list went on (after = 2, 4).
        Assert.Equal([("calls", 3, 0), ("calls", 1, 1), ("calls", 1, 1), ("emails", 3, 0), ("meetings", 3, 0)], _stub.AssociationReads);
        Assert.Equal([("calls", 6), ("emails", 2), ("meetings", 1)], _stub.EngagementReads);
    }

    [Fact]
    public async Task Without_engagement_reads_the_attempt_count_property_is_counted_without_times()
    {
        await using var sp = Services(s => s["LeadSync:Crm:HubSpot:ReadEngagements"] = "false");
        var gateway = sp.Gateway();
        var lead = new LeadBuilder().Build();
        await gateway.UpsertAsync([lead], default);
        _stub.SetProperty(lead.Contact.Email!, "num_contacted_notes", "4");

        var attempts = (await gateway.ReadAttemptsAsync([lead], default)).Single();

        Assert.Equal((0, 4), (attempts.At.Count, attempts.Untimed));
        Assert.Empty(_stub.AssociationReads);
    }

    [Fact]
    public async Task A_refused_association_read_fails_the_read()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();
        var lead = new LeadBuilder().Build();
        var result = (await gateway.UpsertAsync([lead], default)).Single();
        _stub.ReadFaults.Outage = true;

        await Assert.ThrowsAnyAsync<CrmReadException>(() => gateway.ReadAttemptsAsync([lead with { CrmId = result.CrmId }], default));
    }
}
