using LeadSync.Core.Crm;
using LeadSync.Core.Crm.Pause;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Inbox;
using LeadSync.Core.Jobs;
using LeadSync.Core.Notifications;
using LeadSync.Core.Recycle;
using LeadSync.Core.Reports;
using LeadSync.Core.Sla;
using LeadSync.Core.Storage;
using LeadSync.Core.Tests.Intake;
using LeadSync.Core.Tests.Intake.Inbox;
using LeadSync.Core.Tests.Sla.Policies;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace LeadSync.Core.Tests.Jobs;

/// <summary>
/// A <see cref="RedriveJob"/> over the given due index, store and queue, with neutral collaborators: an empty inbox, a
/// CRM connection that was never paused, a funnel index that records nothing, and round-the-clock SLA and recycle
/// policies unless the test passes its own.
/// </summary>
internal static class RedriveJobs
{
    public static RedriveJob Create(
        IDueIndex dueIndex, ILeadStore store, IWorkQueue queue, TimeProvider time, ISlaPolicy? sla = null, RecyclePolicy? recycle = null)
    {
        sla ??= new RoundTheClockSlaPolicy(new FixedOptionsMonitor<SlaOptions>(new SlaOptions()));
        recycle ??= new RecyclePolicy(sla, new FixedOptionsMonitor<RecycleOptions>(new RecycleOptions()));
        var pauses = new Mock<ICrmPauseStore>();
        pauses.Setup(p => p.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string crm, CancellationToken _) => CrmPause.Healthy(crm));
        var crmPause = new CrmPauseGate(pauses.Object, Mock.Of<ICrmGateway>(g => g.Name == "test"),
            new FixedOptionsMonitor<CrmOptions>(new CrmOptions()), time, NullLogger<CrmPauseGate>.Instance);
        var inbox = new InboxPump(new MemoryInbox(), new IntakeHarness().Intake(), Microsoft.Extensions.Options.Options.Create(new IntakeOptions()),
            time, NullLogger<InboxPump>.Instance);
        return new RedriveJob(dueIndex, store, Mock.Of<INoticeStore>(), queue,
            new FixedOptionsMonitor<IntakeOptions>(new IntakeOptions()), new FixedOptionsMonitor<CrmOptions>(new CrmOptions()),
            new FixedOptionsMonitor<NotificationOptions>(new NotificationOptions()), time, NullLogger<RedriveJob>.Instance,
            new FunnelRowRepair(store, Mock.Of<IFunnelIndex>()), sla, recycle, inbox, crmPause, new NoLeadEmailIndex());
    }

    /// <summary>A due index where only <paramref name="hint"/> is due; what the job files is added to <paramref name="scheduled"/>.</summary>
    public static IDueIndex WithDue(DueItem hint, List<DueItem>? scheduled = null)
    {
        var due = new Mock<IDueIndex>();
        due.Setup(d => d.GetDueAsync(It.IsAny<DueKind>(), It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DueKind kind, DateTimeOffset _, int _, CancellationToken _) => kind == hint.Kind ? [hint] : []);
        due.Setup(d => d.ScheduleAsync(It.IsAny<DueItem>(), It.IsAny<CancellationToken>()))
            .Callback((DueItem item, CancellationToken _) => scheduled?.Add(item))
            .Returns(Task.CompletedTask);
        return due.Object;
    }
}
