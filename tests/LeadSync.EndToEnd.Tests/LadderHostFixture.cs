using LeadSync.Testing;

namespace LeadSync.EndToEnd.Tests;

/// <summary>
/// The portable host (eng/run) with a seconds-long three-level ladder routed through the directory: the owner by
/// e-mail to a local SMTP receiver, the manager to a Teams receiver, the team to a Slack receiver; acknowledge links on.
/// </summary>
public sealed class LadderHostFixture : IAsyncLifetime
{
    public const string AckSecret = "e2e-ack-secret-3b1f0c";
    public const string OwnerEmail = "rep@example.com";

    public PortableHostProcess Host { get; private set; } = null!;

    public HttpReceiver Teams { get; private set; } = null!;

    public HttpReceiver Slack { get; private set; } = null!;

    public SmtpReceiver Smtp { get; private set; } = null!;

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        Teams = await HttpReceiver.StartAsync();
        Slack = await HttpReceiver.StartAsync();
        Smtp = SmtpReceiver.Start();
        Host = await PortableHostProcess.StartAsync(new Dictionary<string, string>
        {
            ["LeadSync__Sla__FirstTouch"] = "00:00:03",
            ["LeadSync__Sla__SweepSchedule"] = "* * * * * *",
            ["LeadSync__Sla__AckGrace"] = "00:00:30",
            ["LeadSync__Sla__Levels__0__After"] = "00:00:00",
            ["LeadSync__Sla__Levels__0__Recipient"] = "owner",
            ["LeadSync__Sla__Levels__1__After"] = "00:00:03",
            ["LeadSync__Sla__Levels__1__Recipient"] = "manager",
            ["LeadSync__Sla__Levels__2__After"] = "00:00:05",
            ["LeadSync__Sla__Levels__2__Recipient"] = "team",
            ["LeadSync__Sla__Levels__2__Action"] = "mark-breached",
            ["LeadSync__Directory__Owners__sandbox-rep__Email"] = OwnerEmail,
            ["LeadSync__Directory__Owners__sandbox-rep__Manager"] = "mia",
            ["LeadSync__Directory__Owners__mia__Channel"] = "teams",
            ["LeadSync__Directory__DefaultTeamChannel"] = "slack",
            ["LeadSync__Notifications__Teams__WebhookUrl"] = Teams.Url.ToString(),
            ["LeadSync__Notifications__Slack__WebhookUrl"] = Slack.Url.ToString(),
            ["LeadSync__Notifications__Smtp__Host"] = "127.0.0.1",
            ["LeadSync__Notifications__Smtp__Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LeadSync__Notifications__Smtp__UseTls"] = "false",
            ["LeadSync__Notifications__Smtp__From"] = "LeadSync <leadsync@example.com>",
            ["LeadSync__Notifications__AckSecret"] = AckSecret,
            ["LeadSync__Host__MaxPollingInterval"] = "00:00:00.250",
        });
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await Teams.DisposeAsync();
        await Slack.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
