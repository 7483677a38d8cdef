using System.Text.Json;
using LeadSync.Core.Jobs;
using LeadSync.Core.Leads;
using LeadSync.Core.Notifications;
using LeadSync.Core.Storage;
using LeadSync.Testing;
using LeadSync.Testing.Crm;
using LeadSync.Web.Admin;
using LeadSync.Web.Endpoints;
using Microsoft.AspNetCore.Http;

namespace LeadSync.Integration.Tests.Degrade;

/// <summary>
/// README "Degrade, don't halt", reproduced as issue 18 describes it: a HubSpot-shaped CRM that answers the upsert but
/// 404 to the touch read. Before, the sweep threw, escalated nothing, and the manual run answered 500 /problems/internal.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CrmDownJobRunTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AdminKey = "admin-key-for-degrade-tests";
    private const string NotFoundBody = """{"status":"error","message":"Resource not found","category":"OBJECT_NOT_FOUND"}""";
    private HubSpotSimulator _hubSpot = null!;
    private TestServices _services = null!;

    public async Task InitializeAsync()
    {
        _hubSpot = await HubSpotSimulator.StartAsync();
        _services = TestServices.Create(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["LeadSync:Crm:Provider"] = "hubspot",
            ["LeadSync:Crm:HubSpot:BaseUrl"] = _hubSpot.BaseUri.ToString(),
            ["LeadSync:Crm:HubSpot:AccessToken"] = "pat-test",
            ["LeadSync:Crm:HubSpot:Resilience:MaxRetryAttempts"] = "1",
            ["LeadSync:Crm:HubSpot:Resilience:RetryBaseDelay"] = "00:00:00.010",
            ["LeadSync:Crm:BatchLinger"] = "00:00:00",
            ["LeadSync:Admin:ApiKeys:0"] = AdminKeyHasher.Hash(AdminKey),
        });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _hubSpot.DisposeAsync();
    }

    private async Task<(int Status, string? RetryAfter, JsonElement Body)> RunAsync(string job)
    {
        var context = new DefaultHttpContext { RequestServices = _services.Services };
        context.Request.Headers[AdminAuthorizer.KeyHeader] = AdminKey;
        using var body = new MemoryStream();
        context.Response.Body = body;
        var result = await _services.Get<AdminGate>().RunAsync(context.Request, () => _services.Get<JobEndpoints>().RunAsync(context.Request, job, CancellationToken.None));
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, context.Response.Headers.RetryAfter.ToString(), JsonDocument.Parse(body.ToArray()).RootElement.Clone());
    }

    /// <summary>
    /// A run whose CRM calls wait on the fake clock (the resilience back-off between tries, the pause probe): the clock
    /// moves a second at a time until the run answers, as real time would.
    /// </summary>
    private async Task<(int Status, string? RetryAfter, JsonElement Body)> RunWhileTimePassesAsync(string job)
    {
        var run = RunAsync(job);
        while (!run.IsCompleted)
        {
            _services.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(run, Task.Delay(20));
        }

        return await run;
    }

    private async Task<string> SyncedLeadAsync(string email)
    {
        var id = await Pipeline.IntakeAsync(_services, email);
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        Assert.Equal(LeadStatus.Synced, (await _services.Get<ILeadStore>().GetAsync(id, CancellationToken.None))!.Status);
        return id;
    }

    [Fact]
    public async Task With_the_touch_read_failing_the_sweep_still_escalates_with_a_note_and_the_manual_run_answers_503()
    {
        var id = await SyncedLeadAsync($"down-{Guid.NewGuid():N}@example.com");
        _hubSpot.ReadFaults.FailNext(20, 404, NotFoundBody);

        _services.Time.Advance(TimeSpan.FromHours(2));
        var (status, retryAfter, problem) = await RunAsync(JobNames.SlaSweep);

        Assert.Equal(503, status);
        Assert.Equal("/problems/crm-unavailable", problem.GetProperty("type").GetString());
        Assert.True(int.Parse(retryAfter!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(1, problem.GetProperty("report").GetProperty("acted").GetInt32());
        var lead = await _services.Get<ILeadStore>().GetAsync(id, CancellationToken.None);
        Assert.Equal(1, lead!.EscalationLevel);
        var notice = await _services.Get<INoticeStore>().GetAsync(id, 1, CancellationToken.None);
        Assert.True(notice!.CrmUnchecked);
        var escalated = Assert.Single(await _services.Get<ILeadStore>().GetTimelineAsync(id, CancellationToken.None), e => e.Event == LeadEvents.Escalated);
        Assert.Contains("could not be checked", escalated.Detail, StringComparison.Ordinal);
        Assert.Equal([$"{id}|1"], await Pipeline.DrainAsync(_services, QueueNames.Notifications));
    }

    [Fact]
    public async Task With_the_state_read_failing_recycling_defers_writes_nothing_and_the_manual_run_answers_503()
    {
        var id = await SyncedLeadAsync($"idle-{Guid.NewGuid():N}@example.com");
        _services.Time.Advance(TimeSpan.FromDays(15));
        _hubSpot.ReadFaults.Outage = true;

        var (status, retryAfter, problem) = await RunWhileTimePassesAsync(JobNames.Recycle);

        Assert.Equal(503, status);
        Assert.Equal("/problems/crm-unavailable", problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(retryAfter));
        Assert.Equal(1, problem.GetProperty("report").GetProperty("deferred").GetInt32());
        Assert.Equal(LeadStatus.Synced, (await _services.Get<ILeadStore>().GetAsync(id, CancellationToken.None))!.Status);
        Assert.Empty(_hubSpot.Patches);

        _hubSpot.ReadFaults.Outage = false;
        _services.Time.Advance(TimeSpan.FromMinutes(11));
        var (after, _, report) = await RunWhileTimePassesAsync(JobNames.Recycle);

        Assert.Equal(200, after);
        Assert.Equal(1, report.GetProperty("acted").GetInt32());
        Assert.Equal(LeadStatus.Recycled, (await _services.Get<ILeadStore>().GetAsync(id, CancellationToken.None))!.Status);
        Assert.Single(_hubSpot.Patches);
    }
}
