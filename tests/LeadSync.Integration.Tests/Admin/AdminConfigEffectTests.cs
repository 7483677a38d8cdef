using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using LeadSync.Core.Admin;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Signatures;
using LeadSync.Core.Jobs;
using LeadSync.Core.Notifications;
using LeadSync.Core.Storage;
using LeadSync.Testing;
using LeadSync.Web.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeadSync.Integration.Tests.Admin;

/// <summary>
/// Admin documents stored durably (as another instance's admin API would) take effect in a running service graph on
/// its next refresh, without a restart: the directory decides who is notified, connections decide what intake accepts.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AdminConfigEffectTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string RotatedSecret = "whsec_2InXGx/oeBP0ii3agsXgYylXH28ADvolLj6fWyUzMA0=";
    private readonly RecordingNotifier _notifier = new();
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["LeadSync:Sla:FirstTouch"] = "01:00:00",
            ["LeadSync:Sla:Levels:0:After"] = "00:00:00",
            ["LeadSync:Sla:Levels:0:Recipient"] = "owner",
            ["LeadSync:Sla:Levels:1:After"] = "00:30:00",
            ["LeadSync:Sla:Levels:1:Recipient"] = "manager",
        }, configure: services => services.Replace(ServiceDescriptor.Singleton<INotifier>(_notifier)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    /// <summary>Checks and stores a document the way the admin API does, then refreshes this instance from the store.</summary>
    private async Task StoreAsync(string resource, string json)
    {
        var store = _services.Get<IAdminConfigStore>();
        var current = await store.GetCurrentAsync(resource, CancellationToken.None);
        var check = _services.Get<AdminResourceCatalog>().Check(resource, json, current?.Json);
        Assert.True(check.IsValid, string.Join("; ", check.Errors.SelectMany(e => e.Value)));
        var saved = await store.SaveAsync(resource, current?.Version ?? 0, check.Json, check.HistoryJson, "key:test", check.Changes, CancellationToken.None);
        Assert.False(saved.IsConflict);
        await new AdminConfigurationRefresher(store, _services.Get<AdminConfigurationSnapshot>(), _services.Time, NullLogger<AdminConfigurationRefresher>.Instance)
            .RefreshAsync(CancellationToken.None);
    }

    private Task<IntakeResult> DeliverAsync(string secret) =>
        _services.Get<WebhookIntake>().AcceptAsync(Pipeline.SignedGeneric(_services, $"{Guid.NewGuid():N}@example.com", secret: secret), CancellationToken.None);

    [Fact]
    public async Task The_stored_directory_decides_who_the_ladder_notifies_from_the_next_notice_on()
    {
        var id = await Pipeline.IntakeAsync(_services, "ladder@example.com");
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        _services.Time.Advance(TimeSpan.FromMinutes(61));
        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);
        await Pipeline.DrainAsync(_services, QueueNames.Notifications);
        Assert.Equal(new EscalationDestination("owner", "sandbox-rep", NotificationChannels.Webhook), _notifier.Sent.Single().Destination);

        await StoreAsync(AdminResources.Directory, """
            {"owners":{"sandbox-rep":{"manager":"mia","email":"rep@example.com"},"mia":{"channel":"teams"}},"defaultTeamChannel":"slack"}
            """);
        _services.Time.Advance(TimeSpan.FromMinutes(31));
        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);
        await Pipeline.DrainAsync(_services, QueueNames.Notifications);

        var manager = _notifier.Sent.Last();
        Assert.Equal((id, 2), (manager.LeadId, manager.Level));
        Assert.Equal(new EscalationDestination("manager", "mia", NotificationChannels.Teams), manager.Destination);
        Assert.Equal("mia", manager.Manager);
        Assert.Equal(new EscalationDestination("owner", "sandbox-rep", NotificationChannels.Email, "rep@example.com"),
            _services.Get<IEscalationDirectory>().Resolve("owner", "sandbox-rep"));
        Assert.Equal(new EscalationDestination("team", "team", NotificationChannels.Slack), _services.Get<IEscalationDirectory>().Resolve("team", null));
    }

    [Fact]
    public async Task A_rotated_disabled_or_re_enabled_source_changes_what_intake_accepts_without_a_restart()
    {
        Assert.True((await DeliverAsync(TestServices.GenericSecret)).IsAccepted);

        await StoreAsync(AdminResources.Connections, $$$$"""{"sources":{"generic":{"secret":"{{{{RotatedSecret}}}}"}}}""");
        Assert.Equal(RejectionKind.Unauthenticated, (await DeliverAsync(TestServices.GenericSecret)).Rejection?.Kind);
        Assert.True((await DeliverAsync(RotatedSecret)).IsAccepted);

        await StoreAsync(AdminResources.Connections, """{"sources":{"generic":{"enabled":false}}}""");
        Assert.Equal(RejectionKind.UnknownSource, (await DeliverAsync(RotatedSecret)).Rejection?.Kind);

        await StoreAsync(AdminResources.Connections, """{"sources":{"generic":{"enabled":true}}}""");
        Assert.True((await DeliverAsync(RotatedSecret)).IsAccepted);
        Assert.Equal(RejectionKind.Unauthenticated, (await DeliverAsync(TestServices.GenericSecret)).Rejection?.Kind);
    }

    private sealed class RecordingNotifier : INotifier
    {
        private readonly ConcurrentQueue<EscalationMessage> _sent = new();

        public IReadOnlyList<EscalationMessage> Sent => [.. _sent];

        public Task<DeliveryResult> SendAsync(EscalationMessage message, CancellationToken cancellationToken)
        {
            _sent.Enqueue(message);
            return Task.FromResult(DeliveryResult.To(message.Destination?.Name ?? "recorded"));
        }
    }
}
