using LeadSync.Core.Crm;
using LeadSync.Core.Crm.Touches;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Crm.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace LeadSync.Crm.Tests.Touches;

/// <summary>
/// The touch recorder over a synced lead with two marketing touches (the creating submission and a later one), the
/// app's real writer for the CRM and an in-memory change log.
/// </summary>
public sealed class TouchRecorderHarness
{
    public static readonly DateTimeOffset FirstAt = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset SecondAt = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);

    private readonly Mock<ILeadStore> _store = new();

    public TouchRecorderHarness(ServiceProvider services, Lead synced)
    {
        Lead = synced with
        {
            Source = "typeform",
            Campaign = "Q4 ebook",
            Touch = new MarketingTouch { SourceEvent = "form_response", CampaignName = "Q4 ebook", FormName = "Ebook", UtmSource = "google", UtmMedium = "cpc" },
            Bant = new BantAnswers { Budget = "50k", Timeline = "this quarter" },
            Score = 80,
        };
        Timeline =
        [
            new TimelineEntry(FirstAt, "intake", LeadEvents.Received, "Received from typeform (form_response)."),
            new TimelineEntry(FirstAt, "intake", LeadEvents.MarketingTouch, Lead.Touch.Describe()),
            new TimelineEntry(FirstAt.AddMinutes(1), "crm", LeadEvents.Synced, "Upserted."),
            new TimelineEntry(SecondAt, "intake", LeadEvents.MarketingTouch,
                "Marketing touch: event form_response, campaign Q4 webinar, form Webinar. New submission from unbounce while the lead is open (Synced); attached here instead of a second lead."),
        ];
        _store.Setup(s => s.GetAsync(Lead.Id, It.IsAny<CancellationToken>())).ReturnsAsync(() => Lead);
        _store.Setup(s => s.GetTimelineAsync(Lead.Id, It.IsAny<CancellationToken>())).ReturnsAsync(() => Timeline);
        Recorder = new CrmTouchRecorder(_store.Object, services.GetRequiredService<ICrmGateway>(), Log,
            new StaticOptionsMonitor<CrmTouchOptions>(new CrmTouchOptions { Enabled = true }), NullLogger<CrmTouchRecorder>.Instance,
            services.GetRequiredService<ICrmTouchWriter>());
    }

    public Lead Lead { get; }

    public List<TimelineEntry> Timeline { get; }

    public InMemoryChangeLog Log { get; } = new();

    public CrmTouchRecorder Recorder { get; }
}
