using LeadSync.Testing;

namespace LeadSync.Reliability.Tests.Security;

/// <summary>
/// A portable host (eng/run, all sources on) whose leads breach a seconds-long SLA at once: level 1 goes to the owner
/// the sandbox CRM assigns (<c>sandbox-rep</c>, on Slack), level 2 to the team (on Teams). Both channels post to real
/// HTTP receivers, so R6 can read exactly what Slack and Teams would have been sent.
/// </summary>
public sealed class InjectionHostFixture : IAsyncLifetime
{
    public PortableHostProcess Host { get; private set; } = null!;

    public HttpReceiver Teams { get; private set; } = null!;

    public HttpReceiver Slack { get; private set; } = null!;

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public async Task InitializeAsync()
    {
        Teams = await HttpReceiver.StartAsync();
        Slack = await HttpReceiver.StartAsync();
        var settings = HostSettings.AllSources();
        settings["LeadSync__Sla__FirstTouch"] = "00:00:02";
        settings["LeadSync__Sla__SweepSchedule"] = "* * * * * *";
        settings["LeadSync__Sla__Levels__0__After"] = "00:00:00";
        settings["LeadSync__Sla__Levels__0__Recipient"] = "owner";
        settings["LeadSync__Sla__Levels__1__After"] = "00:00:01";
        settings["LeadSync__Sla__Levels__1__Recipient"] = "team";
        settings["LeadSync__Directory__DefaultTeamChannel"] = "teams";
        settings["LeadSync__Directory__Owners__sandbox-rep__Channel"] = "slack";
        settings["LeadSync__Notifications__Teams__WebhookUrl"] = Teams.Url.ToString();
        settings["LeadSync__Notifications__Slack__WebhookUrl"] = Slack.Url.ToString();
        settings["LeadSync__Host__MaxPollingInterval"] = "00:00:00.500";
        Host = await PortableHostProcess.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await Teams.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
