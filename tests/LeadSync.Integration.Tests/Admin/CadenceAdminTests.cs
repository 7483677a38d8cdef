using System.Text;
using LeadSync.Core.Admin;
using LeadSync.Core.Jobs;
using LeadSync.Core.Notifications;
using LeadSync.Core.Storage;
using LeadSync.Testing;
using LeadSync.Web.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeadSync.Integration.Tests.Admin;

/// <summary>
/// The cadence as part of the versioned <c>sla-policies</c> admin document: validated with field paths, stored as a
/// new version that takes effect on the next refresh, and previewed by the dry run.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CadenceAdminTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AdminKey = "cadence-admin-key";

    private const string CadenceDocument = """
        {"firstTouch":"01:00:00","levels":[{"after":"00:00:00","recipient":"owner"}],
         "policies":[{"name":"cadenced","match":{"sources":["generic"]},
           "cadence":[{"attempts":1,"by":"00:30:00"},{"attempts":3,"by":"04:00:00"}]}]}
        """;

    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["LeadSync:Sla:FirstTouch"] = "01:00:00",
            ["LeadSync:Admin:ApiKeys:0"] = AdminKeyHasher.Hash(AdminKey),
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public void A_bad_cadence_is_refused_with_the_field_that_is_wrong()
    {
        var check = _services.Get<AdminResourceCatalog>().Check(AdminResources.SlaPolicies, """
            {"policies":[{"name":"cadenced","cadence":[{"attempts":3,"by":"02:00:00"},{"attempts":2,"by":"01:00:00"}]}]}
            """, null);

        Assert.False(check.IsValid);
        Assert.Contains(check.Errors["policies[0].cadence[1].by"], m => m.Contains("must be later than checkpoint 0", StringComparison.Ordinal));
        Assert.Contains(check.Errors["policies[0].cadence[1].attempts"], m => m.Contains("must not be fewer than checkpoint 0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stored_cadence_is_a_new_version_and_takes_effect_on_the_next_refresh()
    {
        var store = _services.Get<IAdminConfigStore>();
        var check = _services.Get<AdminResourceCatalog>().Check(AdminResources.SlaPolicies, CadenceDocument, null);
        Assert.True(check.IsValid, string.Join("; ", check.Errors.SelectMany(e => e.Value)));
        Assert.Contains("policies", check.Changes);
        var saved = await store.SaveAsync(AdminResources.SlaPolicies, 0, check.Json, check.HistoryJson, "key:test", check.Changes, CancellationToken.None);
        Assert.False(saved.IsConflict);
        await new AdminConfigurationRefresher(store, _services.Get<AdminConfigurationSnapshot>(), _services.Time, NullLogger<AdminConfigurationRefresher>.Instance)
            .RefreshAsync(CancellationToken.None);

        var lead = await Pipeline.IntakeAsync(_services, "admin-cadence@example.com");
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        _services.Time.Advance(TimeSpan.FromMinutes(31));
        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);

        Assert.Equal([$"{lead}|{EscalationNotice.CadenceLevelBase}"], await Pipeline.DrainAsync(_services, QueueNames.Notifications));
    }

    [Fact]
    public async Task The_dry_run_lists_the_checkpoints_a_candidate_cadence_would_bring_due_and_changes_nothing()
    {
        var lead = await Pipeline.IntakeAsync(_services, "dry-cadence@example.com");
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        var context = new DefaultHttpContext { RequestServices = _services.Services };
        context.Request.Headers[AdminAuthorizer.KeyHeader] = AdminKey;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(CadenceDocument));

        var result = await _services.Get<SlaDryRunEndpoints>().RunAsync(context.Request, CancellationToken.None);

        var view = Assert.IsType<Ok<DryRunView>>(result).Value!;
        var item = Assert.Single(view.Checkpoints, c => c.LeadId == lead);
        Assert.Equal("cadenced checkpoint 1 (1 attempts)", item.Policy);
        Assert.Equal(_services.Time.GetUtcNow().AddMinutes(30), item.At, TimeSpan.FromMinutes(1));
        Assert.Null(await _services.Get<IAdminConfigStore>().GetCurrentAsync(AdminResources.SlaPolicies, CancellationToken.None));
    }
}
