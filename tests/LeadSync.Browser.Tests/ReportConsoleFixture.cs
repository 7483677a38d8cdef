using LeadSync.Core.Leads;
using LeadSync.Core.Reports;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace LeadSync.Browser.Tests;

/// <summary>
/// Azurite with a known set of report-index rows (four ISO weeks from Monday 2026-10-05: three sources, campaigns,
/// owners, every status, SLA results, business and elapsed first-touch times, attempts, two test leads), written by
/// the real <see cref="TableFunnelIndex"/>; the portable host started by eng/run on that storage; Debian's chromium.
/// Screenshots go to <c>artifacts/test-results/screenshots</c>, next to the test results.
/// </summary>
public sealed class ReportConsoleFixture : IAsyncLifetime
{
    public static readonly DateOnly From = new(2026, 10, 5);
    public static readonly DateOnly To = new(2026, 11, 1);

    private IPlaywright? _playwright;
    private AzuriteProcess? _azurite;

    public PortableHostProcess Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static string ScreenshotDir { get; } = Path.Combine(RepoPaths.Root, "artifacts", "test-results", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDir);
        _azurite = await AzuriteProcess.StartAsync();
        var index = new TableFunnelIndex(new StorageClients(Options.Create(new StorageOptions { ConnectionString = _azurite.ConnectionString })));
        foreach (var row in SeedRows())
        {
            Assert.True(await index.TryWriteAsync(row, null, null, CancellationToken.None));
        }

        Host = await PortableHostProcess.StartAsync(new Dictionary<string, string> { ["LeadSync__Storage__ConnectionString"] = _azurite.ConnectionString });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ConsoleHostFixture.ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh signed-in page that accepts downloads.</summary>
    public async Task<IPage> SignedInPageAsync()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, AcceptDownloads = true });
        await page.GotoAsync(new Uri(Host.Url("/"), "/admin").ToString());
        await page.FillAsync("#admin-key", Host.AdminKey);
        await page.ClickAsync("#login-form button[type=submit]");
        await Assertions.Expect(page.Locator("#tabs")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>GET an admin API path with the admin key.</summary>
    public async Task<string> GetAsync(string pathAndQuery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Host.Url(pathAndQuery));
        request.Headers.Add("X-LeadSync-Admin-Key", Host.AdminKey);
        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{pathAndQuery}: {(int)response.StatusCode} {body}");
        return body;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });

    /// <summary>The seeded rows: a fixed pattern over 4 weeks × 7 days, so every grouping has several groups.</summary>
    public static IReadOnlyList<FunnelRow> SeedRows()
    {
        string[] sources = ["generic", "linkedin", "google-ads"];
        string?[] campaigns = ["spring", null, "retarget"];
        string?[] owners = ["ana@example.com", "ben@example.com", null, "cy@example.com"];
        LeadStatus[] statuses =
        [
            LeadStatus.Contacted, LeadStatus.Converted, LeadStatus.Synced, LeadStatus.Recycled, LeadStatus.Disqualified,
            LeadStatus.Nurture, LeadStatus.Converted, LeadStatus.Contacted, LeadStatus.SalesReady, LeadStatus.Received,
        ];
        var rows = new List<FunnelRow>();
        for (var n = 0; n < 70; n++)
        {
            var day = From.AddDays(n * 11 % 28);
            var received = new DateTimeOffset(day.ToDateTime(new TimeOnly(8 + n % 9, n * 7 % 60)), TimeSpan.Zero);
            var status = statuses[n % statuses.Length];
            var synced = status is LeadStatus.Synced or LeadStatus.Contacted or LeadStatus.Converted or LeadStatus.Recycled or LeadStatus.Disqualified;
            var touched = status is LeadStatus.Contacted or LeadStatus.Converted or LeadStatus.Recycled;
            var syncedAt = synced ? received.AddSeconds(20 + n * 13 % 200) : (DateTimeOffset?)null;
            var touchedAt = touched ? syncedAt!.Value.AddMinutes(3 + n * 17 % 290) : (DateTimeOffset?)null;
            var id = LeadIdFactory.FromDelivery(sources[n % 3], $"report-{n}");
            rows.Add(new FunnelRow
            {
                LeadId = id,
                Day = day,
                Source = sources[n % 3],
                Campaign = campaigns[n % campaigns.Length],
                Owner = synced ? owners[n % owners.Length] : null,
                IsTest = n is 4 or 17,
                Status = status,
                ReceivedAt = received,
                SyncedAt = syncedAt,
                SlaDueAt = synced ? received.AddHours(1) : null,
                FirstTouchAt = touchedAt,
                BusinessMinutesToFirstTouch = touched ? (int)(touchedAt!.Value - received).TotalMinutes / 2 : null,
                SlaMet = touched ? touchedAt <= received.AddHours(1) : status == LeadStatus.Synced ? false : null,
                EscalationLevel = status == LeadStatus.Synced ? 1 : 0,
                RecycleReason = status == LeadStatus.Recycled ? "no-progress" : null,
                Attempts = touched ? 1 + n % 4 : 0,
            });
        }

        return rows;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
