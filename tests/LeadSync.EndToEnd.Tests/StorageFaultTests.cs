using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadSync.Testing;

namespace LeadSync.EndToEnd.Tests;

/// <summary>
/// Every way storage can fail to answer — refused, reset, stalled, 5xx, throttled 503/429 — answers the sender a
/// retryable <c>503 /problems/storage-unavailable</c> with Retry-After within the storage network time-out + 1 s (not
/// a 500 after three stalled tries), acknowledges nothing it did not store, and heals by itself.
/// </summary>
public sealed class StorageFaultTests(StorageFaultTests.Fixture fixture) : IClassFixture<StorageFaultTests.Fixture>
{
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(2);

    public static TheoryData<StorageFault> Faults => new()
    {
        StorageFault.Refuse, StorageFault.Reset, StorageFault.Stall, StorageFault.ServerError, StorageFault.Unavailable, StorageFault.Throttled,
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_storage_fault_answers_a_quick_retryable_503_and_nothing_unstored_is_acknowledged(StorageFault fault)
    {
        var email = $"fault-{fault}-{Guid.NewGuid():N}@example.com".ToLowerInvariant();
        await fixture.Tables.SetAsync(fault);
        await fixture.Queues.SetAsync(fault);
        try
        {
            var clock = Stopwatch.StartNew();
            using var request = StandardWebhookSigner.SignedPost(fixture.Host.Url("api/webhooks/generic"), ThinPathHostFixture.GenericSecret, LeadApi.LeadJson(email));
            using var webhook = await fixture.Client.SendAsync(request);
            var webhookTook = clock.Elapsed;
            clock.Restart();
            using var health = await fixture.Client.GetAsync(fixture.Host.Url("api/health"));
            var healthTook = clock.Elapsed;

            await AssertRetryableStorageProblemAsync(webhook, fault);
            await AssertRetryableStorageProblemAsync(health, fault);
            var limit = NetworkTimeout + TimeSpan.FromSeconds(1);
            Assert.True(webhookTook <= limit, $"{fault}: the webhook answered after {webhookTook.TotalSeconds:F1} s (limit {limit.TotalSeconds} s).");
            Assert.True(healthTook <= limit, $"{fault}: health answered after {healthTook.TotalSeconds:F1} s (limit {limit.TotalSeconds} s).");
        }
        finally
        {
            await fixture.Tables.SetAsync(StorageFault.None);
            await fixture.Queues.SetAsync(StorageFault.None);
        }

        // Healed: health is 200 again, the refused delivery was not stored, and its retry is accepted and filed.
        await WaitForHealthyAsync();
        var body = LeadApi.LeadJson(email);
        var (retried, accepted) = await LeadApi.PostLeadAsync(fixture.Client, fixture.Host, body);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var leadId = accepted.GetProperty("leadId").GetString()!;
        var lead = await LeadApi.WaitForLeadAsync(fixture.Client, fixture.Host, leadId, _ => true, TimeSpan.FromSeconds(30));
        Assert.Equal(leadId, lead.GetProperty("id").GetString());
        retried.Dispose();
    }

    private static async Task AssertRetryableStorageProblemAsync(HttpResponseMessage response, StorageFault fault)
    {
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{fault}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("/problems/storage-unavailable", problem.GetProperty("type").GetString());
    }

    private async Task WaitForHealthyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var health = await fixture.Client.GetAsync(fixture.Host.Url("api/health"));
            if (health.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "Health did not return to 200 within 30 s of storage healing.");
            await Task.Delay(200);
        }
    }

    /// <summary>One host whose tables and queues are reached through fault-injecting proxies in front of its own Azurite.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private AzuriteProcess _azurite = null!;

        public FaultyStorageProxy Tables { get; private set; } = null!;

        public FaultyStorageProxy Queues { get; private set; } = null!;

        public PortableHostProcess Host { get; private set; } = null!;

        public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

        public async Task InitializeAsync()
        {
            _azurite = await AzuriteProcess.StartAsync();
            Tables = FaultyStorageProxy.Start(_azurite.TablePort);
            Queues = FaultyStorageProxy.Start(_azurite.QueuePort);
            Host = await PortableHostProcess.StartAsync(new Dictionary<string, string>
            {
                ["LeadSync__Storage__ConnectionString"] =
                    $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteProcess.AccountKey};" +
                    string.Create(CultureInfo.InvariantCulture, $"QueueEndpoint=http://127.0.0.1:{Queues.Port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{Tables.Port}/devstoreaccount1;"),
                ["LeadSync__Storage__NetworkTimeout"] = NetworkTimeout.ToString("c", CultureInfo.InvariantCulture),
            });

            // Warm-up: the host's first refused call JIT-compiles the whole failure path (retry policy, exception
            // mapping, problem details, logging) and took ~2 s on a busy CI machine; the cases measure steady state.
            await Tables.SetAsync(StorageFault.Refuse);
            await Queues.SetAsync(StorageFault.Refuse);
            using (var warmUp = StandardWebhookSigner.SignedPost(Host.Url("api/webhooks/generic"), ThinPathHostFixture.GenericSecret, LeadApi.LeadJson("warm-up@example.com")))
            using (await Client.SendAsync(warmUp))
            using (await Client.GetAsync(Host.Url("api/health")))
            {
            }

            await Tables.SetAsync(StorageFault.None);
            await Queues.SetAsync(StorageFault.None);
        }

        public async Task DisposeAsync()
        {
            Client.Dispose();
            await Host.DisposeAsync();
            await Tables.DisposeAsync();
            await Queues.DisposeAsync();
            await _azurite.DisposeAsync();
        }
    }
}
