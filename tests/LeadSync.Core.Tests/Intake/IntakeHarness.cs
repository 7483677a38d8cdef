using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Redaction;
using LeadSync.Core.Intake.Enrichment;
using LeadSync.Core.Leads;
using LeadSync.Core.Qualification;
using LeadSync.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadSync.Core.Tests.Intake;

/// <summary>WebhookIntake and LeadEnrichment over an in-memory store, recording queue messages and due hints.</summary>
public sealed class IntakeHarness
{
    public InMemoryLeadStore Store { get; } = new();
    public List<(string Queue, string Message)> Enqueued { get; } = [];
    public List<DueItem> Scheduled { get; } = [];
    public FakeTimeProvider Time { get; } = new(SourceCatalog.Now);

    public IntakeHarness(int minimumScore = 0)
    {
        var queue = new Mock<IWorkQueue>();
        queue.Setup(q => q.EnqueueAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, CancellationToken>((name, message, _) => Enqueued.Add((name, message)))
            .Returns(Task.CompletedTask);
        var due = new Mock<IDueIndex>();
        due.Setup(d => d.ScheduleAsync(It.IsAny<DueItem>(), It.IsAny<CancellationToken>()))
            .Callback<DueItem, CancellationToken>((item, _) => Scheduled.Add(item))
            .Returns(Task.CompletedTask);
        Queue = queue.Object;
        DueIndex = due.Object;
        Qualification = new QualificationPolicy(SourceOptions.Of(new QualificationOptions { MinimumScore = minimumScore }));
    }

    public IWorkQueue Queue { get; }
    public IDueIndex DueIndex { get; }
    public QualificationPolicy Qualification { get; }

    /// <summary>Intake over <paramref name="emailIndex"/>, or an index that never knows an address.</summary>
    public WebhookIntake Intake(ILeadEmailIndex? emailIndex = null) => new(
        SourceCatalog.All, Store, DueIndex, Queue, Qualification, Quarantine.Object, Options.Create(new IntakeOptions()), Time, NullLogger<WebhookIntake>.Instance,
        emailIndex ?? new NoLeadEmailIndex(), Mock.Of<ILeadAliases>(), new WebhookRedactor());

    /// <summary>Deliveries that could not become leads land here (see WebhookIntake's quarantine).</summary>
    public Mock<LeadSync.Core.Intake.Quarantine.IQuarantineStore> Quarantine { get; } = new();

    public LeadEnrichment Enrichment(params ILeadEnricher[] enrichers) => new(
        enrichers, Store, new LeadMutator(Store), DueIndex, Queue, Qualification, SourceOptions.Of(new IntakeOptions()), Time, NullLogger<LeadEnrichment>.Instance);

    public Task<Lead?> Lead(string id) => Store.GetAsync(id, CancellationToken.None);
}
