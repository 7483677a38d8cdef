using System.Collections.Concurrent;
using System.Diagnostics;
using LeadSync.Core.Storage;
using LeadSync.Core.Telemetry;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Telemetry;

/// <summary>Webhook → queue → CRM is one trace: the queue message carries the intake's traceparent.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TraceContinuityTests(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    private readonly ConcurrentBag<Activity> _stopped = [];
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name == LeadSyncTelemetry.Name,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _listener.ActivityStopped = _stopped.Add;
        ActivitySource.AddActivityListener(_listener);
        _services = TestServices.Create(azurite.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task The_crm_sync_continues_the_trace_of_the_webhook_that_brought_the_lead()
    {
        var leadId = await Pipeline.IntakeAsync(_services, "traced@example.com");
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);

        var intake = Assert.Single(_stopped, a => a.OperationName == "intake" && (a.GetTagItem("leadsync.lead_ids") as string) == leadId);
        var sync = Assert.Single(_stopped, a => a.OperationName == $"process {QueueNames.LeadSync}" && a.TraceId == intake.TraceId);
        Assert.Equal(intake.SpanId, sync.ParentSpanId);
        Assert.Equal(ActivityKind.Consumer, sync.Kind);
    }

    [Fact]
    public void A_message_without_a_traceparent_is_read_as_is()
    {
        var (body, parent) = WorkMessage.Unwrap("ld_abc");

        Assert.Equal("ld_abc", body);
        Assert.Equal(default, parent);
    }
}
