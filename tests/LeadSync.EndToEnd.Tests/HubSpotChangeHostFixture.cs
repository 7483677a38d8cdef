using LeadSync.Testing;
using LeadSync.Testing.Crm;

namespace LeadSync.EndToEnd.Tests;

/// <summary>
/// The portable host (eng/run) syncing to the HubSpot simulator, with native HubSpot change intake on, a 10 s first
/// touch, a sweep every second and escalations posted to a receiver the test reads.
/// </summary>
public sealed class HubSpotChangeHostFixture : IAsyncLifetime
{
    public const string ClientSecret = "hubspot-app-client-secret-e2e-0000";
    public static readonly TimeSpan FirstTouch = TimeSpan.FromSeconds(10);

    public PortableHostProcess Host { get; private set; } = null!;

    public HubSpotSimulator HubSpot { get; private set; } = null!;

    public HttpReceiver Escalations { get; private set; } = null!;

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        HubSpot = await HubSpotSimulator.StartAsync();
        Escalations = await HttpReceiver.StartAsync();
        Host = await PortableHostProcess.StartAsync(new Dictionary<string, string>
        {
            ["LeadSync__Crm__Provider"] = "hubspot",
            ["LeadSync__Crm__HubSpot__BaseUrl"] = HubSpot.BaseUri.ToString(),
            ["LeadSync__Crm__HubSpot__AccessToken"] = "pat-test",
            ["LeadSync__Crm__Changes__HubSpot__ClientSecret"] = ClientSecret,
            ["LeadSync__Sla__FirstTouch"] = FirstTouch.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["LeadSync__Sla__SweepSchedule"] = "* * * * * *",
            ["LeadSync__Sla__Levels__0__After"] = "00:00:00",
            ["LeadSync__Sla__Levels__0__Recipient"] = "owner",
            ["LeadSync__Sla__Levels__1__After"] = "00:00:02",
            ["LeadSync__Sla__Levels__1__Recipient"] = "manager",
            ["LeadSync__Notifications__WebhookUrl"] = Escalations.Url.ToString(),
            ["LeadSync__Host__MaxPollingInterval"] = "00:00:00.250",
        });
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await Escalations.DisposeAsync();
        await HubSpot.DisposeAsync();
    }
}
