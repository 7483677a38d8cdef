using LeadSync.Core.Crm;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;
using LeadSync.Web.Hosting;
using LeadSync.Portable;
using LeadSync.Portable.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace LeadSync.Integration.Tests.Portable;

/// <summary>The portable host's queue consumer on Azurite: a message stays hidden for as long as it is handled.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class QueueConsumerVisibilityTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(2);
    private readonly Mock<ICrmGateway> _crm = new();
    private readonly TaskCompletionSource _firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _crm.SetupGet(c => c.Name).Returns("slow-crm");
        _crm.Setup(c => c.UpsertAsync(It.IsAny<IReadOnlyList<Lead>>(), It.IsAny<CancellationToken>()))
            .Returns(async (IReadOnlyList<Lead> leads, CancellationToken _) =>
            {
                Interlocked.Increment(ref _calls);
                _firstCall.TrySetResult();
                await _release.Task;
                return (IReadOnlyList<CrmUpsertResult>)[.. leads.Select(l => new CrmUpsertResult(l.Id, CrmOutcome.Success, "crm-1", "rep"))];
            });
        _services = TestServices.Create(azurite.ConnectionString, configure: s => s.AddSingleton(_crm.Object));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task A_message_handled_for_longer_than_its_visibility_timeout_is_not_delivered_again()
    {
        var leadId = await Pipeline.IntakeAsync(_services, "slow@example.com");
        var consumer = new QueueConsumer(
            _services.Get<QueueWork>(), _services.Get<StorageClients>(), _services.Get<QueueDeferral>(),
            Options.Create(new PortableHostOptions { VisibilityTimeout = Visibility, MaxPollingInterval = TimeSpan.FromMilliseconds(200) }),
            TimeProvider.System, NullLogger<QueueConsumer>.Instance);

        await consumer.StartAsync(CancellationToken.None);
        try
        {
            await _firstCall.Task.WaitAsync(TimeSpan.FromSeconds(30));
            // The CRM call outlasts the visibility timeout more than twice over; without renewal the message would
            // reappear and be handled (and upserted) again meanwhile.
            await Task.Delay(Visibility * 2.5);
            _release.SetResult();
            await WaitUntilSyncedAsync(leadId);
            await WaitUntilQueueIsEmptyAsync();
        }
        finally
        {
            await consumer.StopAsync(CancellationToken.None);
            consumer.Dispose();
        }

        Assert.Equal(1, _calls);
    }

    /// <summary>Until the message is deleted (the approximate count includes hidden messages).</summary>
    private async Task WaitUntilQueueIsEmptyAsync()
    {
        var queue = await _services.Get<StorageClients>().QueueAsync(QueueNames.LeadSync, CancellationToken.None);
        var giveUpAt = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0)
        {
            Assert.True(DateTime.UtcNow < giveUpAt, "The message was never deleted.");
            await Task.Delay(100);
        }
    }

    private async Task WaitUntilSyncedAsync(string leadId)
    {
        var store = _services.Get<ILeadStore>();
        var giveUpAt = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await store.GetAsync(leadId, CancellationToken.None))!.Status != LeadStatus.Synced)
        {
            Assert.True(DateTime.UtcNow < giveUpAt, "The lead was never synced.");
            await Task.Delay(100);
        }
    }
}
