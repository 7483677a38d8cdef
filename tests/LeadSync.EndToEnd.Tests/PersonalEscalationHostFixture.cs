using LeadSync.Testing;

namespace LeadSync.EndToEnd.Tests;

/// <summary>
/// The portable host (eng/run, Azurite) with the Slack app on (bot token, signing secret, DMs) against a local fake
/// Slack Web API, and a two-rung ladder (owner, then manager) over a directory of two owners who share a manager:
/// dana (Slack member id in the directory) and eli (found by e-mail), both managed by mia; and gus, also managed by
/// mia, whom the people directory has out of office for the whole run. The sandbox CRM assigns leads to dana, eli or
/// gus by e-mail domain; its reassign pool is fay.
/// </summary>
public sealed class PersonalEscalationHostFixture : IAsyncLifetime
{
    public const string SigningSecret = "e2e-slack-signing-secret-7d21";
    public const string DanaDomain = "dana-accounts.example";
    public const string EliDomain = "eli-accounts.example";
    public const string GusDomain = "gus-accounts.example";
    public const string Dana = "U0DANA";
    public const string Eli = "U0ELI";
    public const string Gus = "U0GUS";
    public const string Mia = "U0MIA";
    public const string Stranger = "U0EVE";
    public const string TeamChannel = "C0TEAM";
    public const string AckSecret = "e2e-personal-ack-secret";

    public PortableHostProcess Host { get; private set; } = null!;

    public FakeSlackApi Slack { get; private set; } = null!;

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        Slack = await FakeSlackApi.StartAsync();
        Slack.AddUser("eli@example.com", Eli);
        Slack.AddUser("dana@example.com", Dana);
        Slack.AddUser("mia@example.com", Mia);
        Slack.AddUser("eve@example.com", Stranger);
        Slack.AddChannel(TeamChannel);
        Host = await PortableHostProcess.StartAsync(new Dictionary<string, string>
        {
            ["LeadSync__Sla__FirstTouch"] = "00:00:03",
            ["LeadSync__Sla__SweepSchedule"] = "* * * * * *",
            ["LeadSync__Sla__AckGrace"] = "00:00:30",
            ["LeadSync__Sla__Levels__0__After"] = "00:00:00",
            ["LeadSync__Sla__Levels__0__Recipient"] = "owner",
            ["LeadSync__Sla__Levels__1__After"] = "00:00:03",
            ["LeadSync__Sla__Levels__1__Recipient"] = "manager",
            ["LeadSync__Crm__Sandbox__OwnersByDomain__" + DanaDomain] = "dana",
            ["LeadSync__Crm__Sandbox__OwnersByDomain__" + EliDomain] = "eli",
            ["LeadSync__Crm__Sandbox__OwnersByDomain__" + GusDomain] = "gus",
            ["LeadSync__Crm__Sandbox__ReassignPool__0"] = "fay",
            ["LeadSync__Directory__Owners__dana__SlackUserId"] = Dana,
            ["LeadSync__Directory__Owners__dana__Channel"] = "slack",
            ["LeadSync__Directory__Owners__dana__Manager"] = "mia",
            ["LeadSync__Directory__Owners__eli__Email"] = "eli@example.com",
            ["LeadSync__Directory__Owners__eli__Channel"] = "slack",
            ["LeadSync__Directory__Owners__eli__Manager"] = "mia",
            ["LeadSync__Directory__Owners__gus__SlackUserId"] = Gus,
            ["LeadSync__Directory__Owners__gus__Channel"] = "slack",
            ["LeadSync__Directory__Owners__gus__Manager"] = "mia",
            ["LeadSync__People__People__gus@example.com__Name"] = "Gus Rep",
            ["LeadSync__People__People__gus@example.com__CrmUserIds__sandbox"] = "gus",
            ["LeadSync__People__People__gus@example.com__OutOfOffice__0__From"] = "2026-01-01T00:00:00Z",
            ["LeadSync__People__People__gus@example.com__OutOfOffice__0__To"] = "2099-01-01T00:00:00Z",
            ["LeadSync__People__People__gus@example.com__OutOfOffice__0__Note"] = "parental leave",
            ["LeadSync__Directory__Owners__mia__SlackUserId"] = Mia,
            ["LeadSync__Directory__Owners__mia__Channel"] = "slack",
            ["LeadSync__Notifications__Slack__BotToken"] = Slack.Token,
            ["LeadSync__Notifications__Slack__SigningSecret"] = SigningSecret,
            ["LeadSync__Notifications__Slack__ApiBaseUrl"] = Slack.ApiBaseUrl.ToString(),
            ["LeadSync__Notifications__Slack__DeliveryMode"] = "dm",
            ["LeadSync__Notifications__Slack__Channel"] = TeamChannel,
            ["LeadSync__Notifications__Slack__PerSecond"] = "20",
            ["LeadSync__Notifications__AckSecret"] = AckSecret,
            ["LeadSync__Host__MaxPollingInterval"] = "00:00:00.250",
        });
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
