using LeadSync.Testing;
using Microsoft.Playwright;

namespace LeadSync.Browser.Tests;

/// <summary>
/// The portable host started by eng/run (as the README does) and Debian's chromium launched by Playwright with the
/// flags that work without a sandbox, GPU or network access.
/// </summary>
public sealed class ConsoleHostFixture : IAsyncLifetime
{
    /// <summary>The local-only generic source secret eng/run configures.</summary>
    public const string GenericSecret = "whsec_2InXGx/oeBP0ii3agsXgYylXH28ADvolLj6fWyUzMA0=";
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public PortableHostProcess Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static string ScreenshotDir { get; } = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDir);
        Host = await PortableHostProcess.StartAsync(new Dictionary<string, string>());
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh page (own sessionStorage) at the console, signed in with the admin key.</summary>
    public async Task<IPage> SignedInPageAsync()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await SignInAsync(page);
        return page;
    }

    /// <summary>Opens the console in <paramref name="page"/> (routes set up before stay in force) and signs in.</summary>
    public async Task SignInAsync(IPage page)
    {
        await page.GotoAsync(new Uri(Host.Url("/"), "/admin").ToString());
        await page.FillAsync("#admin-key", Host.AdminKey);
        await page.ClickAsync("#login-form button[type=submit]");
        await Assertions.Expect(page.Locator("#tabs")).ToBeVisibleAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Host.DisposeAsync();
    }
}
