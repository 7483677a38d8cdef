using LeadSync.Testing;

namespace LeadSync.EndToEnd.Tests;

/// <summary>
/// The portable host started by eng/run (as the README does) with seconds-long SLAs, a sweep and a recycle run
/// every second, and escalations sent to a real HTTP receiver run by the test.
/// </summary>
public sealed class ThinPathHostFixture : IAsyncLifetime
{
    public const string GenericSecret = "whsec_2InXGx/oeBP0ii3agsXgYylXH28ADvolLj6fWyUzMA0=";
    public const string CrmEventsSecret = "whsec_KlfOsjsXgVAYUmsuBbAieJgt+gpv458l4b9jpM6YbGw=";
    public const string MetaVerifyToken = "thin-path-meta-verify";
    public const string PardotKey = "thin-path-pardot-key";

    public PortableHostProcess Host { get; private set; } = null!;

    public HttpReceiver Receiver { get; private set; } = null!;

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        Receiver = await HttpReceiver.StartAsync();
        Host = await PortableHostProcess.StartAsync(new Dictionary<string, string>
        {
            ["LeadSync__Sla__FirstTouch"] = "00:00:03",
            ["LeadSync__Sla__SweepSchedule"] = "* * * * * *",
            ["LeadSync__Sla__Levels__0__After"] = "00:00:00",
            ["LeadSync__Sla__Levels__0__Recipient"] = "owner",
            ["LeadSync__Sla__Levels__1__After"] = "00:00:02",
            ["LeadSync__Sla__Levels__1__Recipient"] = "manager",
            ["LeadSync__Recycle__Schedule"] = "* * * * * *",
            ["LeadSync__Recycle__NoProgressWindow"] = "00:00:15",
            ["LeadSync__Recycle__AfterLastLevel"] = "00:00:04",
            ["LeadSync__Crm__RedriveSchedule"] = "*/5 * * * * *",
            ["LeadSync__Notifications__WebhookUrl"] = Receiver.Url.ToString(),
            ["LeadSync__Host__MaxPollingInterval"] = "00:00:00.500",
            ["LeadSync__Crm__AllowedBaseUrlHosts__0"] = "crm.example",
            ["LeadSync__Sources__meta__AppSecret"] = "thin-path-meta-app-secret",
            ["LeadSync__Sources__meta__VerifyToken"] = MetaVerifyToken,
            ["LeadSync__Sources__linkedin__ClientSecret"] = "thin-path-linkedin-secret",
            ["LeadSync__Sources__pardot__Key"] = PardotKey,
        });
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
