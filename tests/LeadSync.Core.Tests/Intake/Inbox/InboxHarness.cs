using System.Text;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Redaction;
using LeadSync.Core.Intake.Generic;
using LeadSync.Core.Intake.Inbox;
using LeadSync.Core.Intake.Quarantine;
using LeadSync.Core.Intake.Signatures;
using LeadSync.Core.Leads;
using LeadSync.Core.Qualification;
using LeadSync.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace LeadSync.Core.Tests.Intake.Inbox;

/// <summary>Receiver and pump over a <see cref="MemoryInbox"/>, with the lead store, queue and quarantine mocked.</summary>
public sealed class InboxHarness
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public InboxHarness(TimeProvider time, IntakeOptions? options = null, MemoryInbox? inbox = null)
    {
        Time = time;
        Inbox = inbox ?? new MemoryInbox();
        Options = options ?? new IntakeOptions();
        Store.Setup(s => s.CreateAsync(It.IsAny<LeadChange>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((LeadChange c, CancellationToken _) => new LeadCreateResult(c.Lead, false));
        var source = new GenericWebhookSource(SourceOptions.Of(new GenericSourceOptions { Secret = Secret }), new StandardWebhookVerifier(time));
        var qualification = new QualificationPolicy(Mock.Of<IOptionsMonitor<QualificationOptions>>(m => m.CurrentValue == new QualificationOptions()));
        Intake = new WebhookIntake([source], Store.Object, Mock.Of<IDueIndex>(), Queue.Object, qualification, Quarantine.Object,
            Microsoft.Extensions.Options.Options.Create(Options), time, NullLogger<WebhookIntake>.Instance,
            new NoLeadEmailIndex(), Mock.Of<ILeadAliases>(), new WebhookRedactor());
        Pump = new InboxPump(Inbox, Intake, Microsoft.Extensions.Options.Options.Create(Options), time, NullLogger<InboxPump>.Instance);
        Receiver = new WebhookReceiver(Intake, Inbox, Pump, Queue.Object, Microsoft.Extensions.Options.Options.Create(Options), time, NullLogger<WebhookReceiver>.Instance, new WebhookRedactor());
    }

    public TimeProvider Time { get; }

    public IntakeOptions Options { get; }

    /// <summary>The inbox (another harness's, to play a second instance over the same storage).</summary>
    public MemoryInbox Inbox { get; }

    public Mock<ILeadStore> Store { get; } = new();

    public Mock<IWorkQueue> Queue { get; } = new();

    public Mock<IQuarantineStore> Quarantine { get; } = new();

    public WebhookIntake Intake { get; }

    public InboxPump Pump { get; }

    public WebhookReceiver Receiver { get; }

    public InboundWebhook Signed(string id, string email = "ada@example.com", string query = "")
    {
        var bytes = Encoding.UTF8.GetBytes($$$"""{"data":{"email":"{{{email}}}"}}""");
        var timestamp = Time.GetUtcNow().ToUnixTimeSeconds();
        return new InboundWebhook
        {
            Source = "generic",
            Method = "POST",
            RequestUri = new Uri("http://localhost/api/webhooks/generic" + query),
            ContentType = "application/json",
            Body = bytes,
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["webhook-id"] = id,
                ["webhook-timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["webhook-signature"] = StandardWebhookVerifier.Sign(Secret, id, timestamp, bytes),
                ["Authorization"] = "Bearer not-to-be-stored",
            },
        };
    }

    public void StoredLeads(int count) =>
        Store.Verify(s => s.CreateAsync(It.IsAny<LeadChange>(), It.IsAny<CancellationToken>()), Times.Exactly(count));
}
